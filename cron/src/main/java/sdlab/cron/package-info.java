/**
 * A distributed cron scheduler as pure node code: several instances of {@link
 * sdlab.cron.CronScheduler}, each able to lead, run one job on a fixed schedule, and the job
 * writes its result to a target ({@link sdlab.coord.fencing.FencedStore}).
 *
 * <h2>What it follows</h2>
 *
 * <p>Leadership is a lease in a linearizable store, the Raft key-value store of {@code
 * consensus.raft}, taken and renewed with compare-and-set as etcd's election recipe does; the
 * lease carries an epoch that every acquisition raises, which is the fencing token (ZooKeeper's
 * czxid of a lock znode plays the same part). The lease's expiry is judged by each scheduler's
 * own clock, as in every lease built on a store without a lease primitive of its own. A new leader
 * runs the slot due now if the store holds no done mark for it (Quartz's "fire once now", a
 * Kubernetes CronJob within its starting deadline). How a run guards itself is one of chapter 14's
 * options ({@link sdlab.cron.CronOption}): a lock row (ShedLock), fencing tokens, retries with
 * backoff, idempotency keys, or tokens and keys.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>At most one scheduler holds a given epoch, and epochs only grow: the store's cas decides.
 *   <li>Nothing guarantees that only one scheduler <em>believes</em> it leads: a paused leader, a
 *       leader cut off from the store, or a scheduler whose clock runs ahead can each overlap with
 *       the next. Duplicate runs are therefore possible under every option; what the options
 *       change is whether a duplicate or stale run has an effect at the target.
 *   <li>A run is not atomic with its done mark: a run whose scheduler dies after the write and
 *       before the mark may be run again by the next leader.
 * </ul>
 */
package sdlab.cron;
