package sdlab.txlog;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One broker's configuration.
 *
 * @param partitionsByTopic the topics and how many partitions each has
 * @param recordsPerPartitionMax the bound on a partition's log; a produce past it is refused
 * @param transactionsMax the bound on the coordinator's transactional ids
 * @param timeoutCheckMs how often the coordinator looks for transactions past their timeout
 * @param transactionTimeoutMsMax the longest timeout a producer may ask for, as {@code transaction.max.timeout.ms}
 * @param markerRetryMs how long the transaction coordinator waits for a partition leader to confirm a commit or abort
 *     marker before it sends the marker again, to whoever leads the partition then
 * @param replication how the partitions are replicated; standalone (one broker, no followers) unless set
 * @param retention how long each partition keeps its records; unlimited unless set
 * @param bug a planted bug for a test to catch, or NONE
 */
public record TxLogConfig(
        Map<String, Integer> partitionsByTopic,
        int recordsPerPartitionMax,
        int transactionsMax,
        long timeoutCheckMs,
        long transactionTimeoutMsMax,
        long markerRetryMs,
        ReplicationConfig replication,
        Retention retention,
        Bug bug) {

    /** Bugs a test plants to show that a claim can fail. */
    public enum Bug {
        NONE,
        /** read_committed skips nothing: aborted transactions' records are returned as if committed. */
        READ_COMMITTED_IGNORES_ABORTED_INDEX,
        /** read_committed reads up to the high watermark, into transactions still open. */
        READ_COMMITTED_PAST_LSO,
        /** Offsets committed inside a transaction become the group's at once, before the transaction ends. */
        TXN_OFFSETS_VISIBLE_BEFORE_COMMIT,
        /** The leader moves its high watermark to its own log end, as if it were alone, ignoring its followers. */
        HIGH_WATERMARK_FROM_LEADER_ALONE,
        /** A follower of a new leader fetches from its own log end without truncating its divergent suffix first. */
        FOLLOWER_SKIPS_TRUNCATION,
        /**
         * A leader holds a follower's fetch that found nothing new and never answers it, neither when records arrive
         * nor when the wait ends: the follower learns of new records only when its fetch times out and it asks again.
         */
        PARKED_FETCH_NEVER_ANSWERED,
        /**
         * The controller moves leadership back to a partition's preferred replica as soon as that broker is alive,
         * without waiting for it to be back in the in-sync set: a restarted broker, whose log is empty, leads.
         */
        PREFERRED_LEADER_OUTSIDE_ISR,
        /**
         * The transaction coordinator writes markers only into the partitions its own broker leads and completes the
         * transaction without the others (the cluster before issue 17's cross-broker markers): a transaction that
         * spans brokers stays open on the other brokers' partitions, and their last stable offset stops there.
         */
        TXN_MARKERS_ONLY_ON_OWN_BROKER
    }

    public TxLogConfig {
        partitionsByTopic = Map.copyOf(new TreeMap<>(partitionsByTopic));
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(bug, "bug");
        if (recordsPerPartitionMax < 1
                || transactionsMax < 1
                || timeoutCheckMs < 1
                || transactionTimeoutMsMax < 1
                || markerRetryMs < 1) {
            throw new IllegalArgumentException("bounds and periods are positive");
        }
        partitionsByTopic.forEach((topic, count) -> {
            if (count < 1) {
                throw new IllegalArgumentException("topic " + topic + " needs at least one partition");
            }
        });
    }

    /**
     * The topics given, 100 000 records a partition, 1000 transactional ids, timeouts checked every 10 ms, an
     * unconfirmed marker sent again after 20 ms; one
     * standalone broker that keeps every record.
     */
    public static TxLogConfig of(Map<String, Integer> partitionsByTopic) {
        return new TxLogConfig(
                partitionsByTopic,
                100_000,
                1000,
                10,
                900_000,
                20,
                ReplicationConfig.standalone(),
                Retention.unlimited(),
                Bug.NONE);
    }

    public TxLogConfig withBug(Bug planted) {
        return new TxLogConfig(
                partitionsByTopic,
                recordsPerPartitionMax,
                transactionsMax,
                timeoutCheckMs,
                transactionTimeoutMsMax,
                markerRetryMs,
                replication,
                retention,
                planted);
    }

    public TxLogConfig withReplication(ReplicationConfig newReplication) {
        return new TxLogConfig(
                partitionsByTopic,
                recordsPerPartitionMax,
                transactionsMax,
                timeoutCheckMs,
                transactionTimeoutMsMax,
                markerRetryMs,
                newReplication,
                retention,
                bug);
    }

    public TxLogConfig withRetention(Retention newRetention) {
        return new TxLogConfig(
                partitionsByTopic,
                recordsPerPartitionMax,
                transactionsMax,
                timeoutCheckMs,
                transactionTimeoutMsMax,
                markerRetryMs,
                replication,
                newRetention,
                bug);
    }
}
