package sdlab.cron;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a cron scheduler behaves. All times are of the scheduler's own clock.
 *
 * @param job the job's name: its lease, lock row and done marks in the store, and its resource at the target
 * @param option how a run is guarded
 * @param store the Raft store's nodes
 * @param target the job's target (a fenced storage node)
 * @param periodNanos the schedule: slot {@code k} is due at {@code k * periodNanos}
 * @param workNanos how long the job computes before it writes its result
 * @param leaseNanos how long a lease lasts after the write that took or renewed it was sent
 * @param renewEveryNanos how often the leader renews, and others try to take the lease
 * @param lockNanos how long a lock row holds before another scheduler may take it (option A)
 * @param storeAttemptNanos how long one store request waits before the next node is tried
 * @param storeGiveUpNanos how long one store operation is tried in all
 * @param targetTimeoutNanos how long a write to the target waits for its answer
 * @param retriesMax how often an unanswered write is sent again, at most (options that retry)
 * @param backoffNanos the first retry's backoff; each further one doubles it, with up to 50% jitter
 */
public record SchedulerConfig(
        String job,
        CronOption option,
        List<NodeId> store,
        NodeId target,
        long periodNanos,
        long workNanos,
        long leaseNanos,
        long renewEveryNanos,
        long lockNanos,
        long storeAttemptNanos,
        long storeGiveUpNanos,
        long targetTimeoutNanos,
        int retriesMax,
        long backoffNanos) {

    public SchedulerConfig {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(target, "target");
        store = List.copyOf(store);
        if (store.isEmpty()) {
            throw new IllegalArgumentException("a scheduler needs the store's nodes");
        }
        if (job.isEmpty() || job.contains("/") || job.contains("|") || job.contains("\t")) {
            throw new IllegalArgumentException("a job name is non-empty without '/', '|' or tabs, got '" + job + "'");
        }
        if (periodNanos <= 0 || workNanos < 0 || leaseNanos <= 0 || lockNanos <= 0) {
            throw new IllegalArgumentException("period, lease and lock time must be positive and work not negative");
        }
        if (renewEveryNanos <= 0 || renewEveryNanos >= leaseNanos) {
            throw new IllegalArgumentException("renewals must come more often than the lease lasts");
        }
        if (storeAttemptNanos <= 0 || storeGiveUpNanos < storeAttemptNanos || targetTimeoutNanos <= 0) {
            throw new IllegalArgumentException(
                    "timeouts must be positive, and the store's give-up at least one attempt");
        }
        if (retriesMax < 0 || retriesMax > 16 || backoffNanos <= 0) {
            throw new IllegalArgumentException("retriesMax must be in [0, 16] and the backoff positive");
        }
    }

    /** The slot due at or before {@code nowNanos} of the scheduler's clock. */
    public long slotAt(long nowNanos) {
        return Math.floorDiv(nowNanos, periodNanos);
    }
}
