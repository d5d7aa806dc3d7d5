/**
 * Chapter 3, redundancy patterns: read replicas, a primary with a hot standby, two active-active primaries and a cold
 * standby restored from an archive, each laid out with {@code sdlab.repl}'s nodes ({@link
 * sdlab.chapters.repl.redundancy.Deployment}) and put through a rolling maintenance that stops each running node in
 * turn. Availability, losses and conflicts are measured from the client history; the traffic is counted at every
 * sender and sized by the real cluster's wire format ({@link sdlab.chapters.repl.redundancy.Traffic}), so that how
 * much each pattern multiplies a write is a count, not a formula.
 */
package sdlab.chapters.repl.redundancy;
