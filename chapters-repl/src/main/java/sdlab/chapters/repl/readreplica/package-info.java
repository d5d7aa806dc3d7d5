/**
 * Chapter 8: read replicas under a strong leader. A loaded primary with one read replica gets a second one mid-run,
 * copied from a snapshot with a cold cache; the read balancing policies are compared on read latency per replica,
 * stale reads, lag, cache hit ratio and fallbacks to the primary.
 */
package sdlab.chapters.repl.readreplica;
