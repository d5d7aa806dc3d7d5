/**
 * Chapter 19: semi-synchronous against asynchronous replication, and PostgreSQL's synchronous levels, run on the
 * replicated store of {@code sdlab.repl}: commit latency in the steady state, then a crash of the primary for good
 * (with the replicas losing power on some seeds, and cut off around it on others) and a failover to the most
 * advanced replica, after which the lost commits and the reads that saw them are counted.
 */
package sdlab.chapters.repl;
