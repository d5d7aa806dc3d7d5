/**
 * Exactly-once execution: duplicates and misses of scheduled job runs and saga steps.
 *
 * <p>Distributed cron (one run per schedule slot across leader changes) and sagas (each step and
 * each compensation once) both promise "exactly once" on top of at-least-once delivery and
 * idempotence keys. {@link sdlab.check.exactlyonce.ExactlyOnce} counts, per run id, the runs
 * that certainly happened and those that may have, and reports duplicates and misses. It knows
 * nothing of time: whether a run came late is the experiment's metric, not this checker's.
 */
package sdlab.check.exactlyonce;
