/**
 * Chapter 12, active-passive failover and split brain: one replicated store, a failover manager that watches the
 * primary with a TCP port check, a heartbeat-write check or a lease (with or without a fencing token that the replicas
 * check), and one fault of the primary per seed. The measurement says what each check misses and what it breaks.
 */
package sdlab.chapters.repl.failover;
