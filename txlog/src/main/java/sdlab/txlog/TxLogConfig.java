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
 * @param bug a planted bug for a test to catch, or NONE
 */
public record TxLogConfig(
        Map<String, Integer> partitionsByTopic,
        int recordsPerPartitionMax,
        int transactionsMax,
        long timeoutCheckMs,
        long transactionTimeoutMsMax,
        Bug bug) {

    /** Bugs a test plants to show that a claim can fail. */
    public enum Bug {
        NONE,
        /** read_committed skips nothing: aborted transactions' records are returned as if committed. */
        READ_COMMITTED_IGNORES_ABORTED_INDEX,
        /** read_committed reads up to the high watermark, into transactions still open. */
        READ_COMMITTED_PAST_LSO,
        /** Offsets committed inside a transaction become the group's at once, before the transaction ends. */
        TXN_OFFSETS_VISIBLE_BEFORE_COMMIT
    }

    public TxLogConfig {
        partitionsByTopic = Map.copyOf(new TreeMap<>(partitionsByTopic));
        Objects.requireNonNull(bug, "bug");
        if (recordsPerPartitionMax < 1 || transactionsMax < 1 || timeoutCheckMs < 1 || transactionTimeoutMsMax < 1) {
            throw new IllegalArgumentException("bounds and periods are positive");
        }
        partitionsByTopic.forEach((topic, count) -> {
            if (count < 1) {
                throw new IllegalArgumentException("topic " + topic + " needs at least one partition");
            }
        });
    }

    /** The topics given, 100 000 records a partition, 1000 transactional ids, timeouts checked every 10 ms. */
    public static TxLogConfig of(Map<String, Integer> partitionsByTopic) {
        return new TxLogConfig(partitionsByTopic, 100_000, 1000, 10, 900_000, Bug.NONE);
    }

    public TxLogConfig withBug(Bug planted) {
        return new TxLogConfig(
                partitionsByTopic,
                recordsPerPartitionMax,
                transactionsMax,
                timeoutCheckMs,
                transactionTimeoutMsMax,
                planted);
    }
}
