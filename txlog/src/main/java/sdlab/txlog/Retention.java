package sdlab.txlog;

/**
 * How long a partition keeps its records, as Kafka's {@code retention.bytes} and {@code retention.ms}. Each replica
 * deletes whole batches from the front of its log, oldest first, and moves its log start offset past them; it never
 * deletes past the last stable offset, so nothing a reader has not been allowed to read yet is lost to retention.
 *
 * @param bytesMax the most bytes of record values a partition keeps, or -1 for no limit
 * @param ageMsMax how long after its append a batch is kept (by its newest record's append time), or -1 for ever
 * @param checkMs how often each replica looks for batches to delete, as {@code log.retention.check.interval.ms}
 */
public record Retention(long bytesMax, long ageMsMax, long checkMs) {
    public Retention {
        if (bytesMax < -1 || ageMsMax < -1 || checkMs < 1) {
            throw new IllegalArgumentException("limits are -1 (none) or positive; the check period is positive");
        }
    }

    /** Keep everything, as the log did before it had retention. */
    public static Retention unlimited() {
        return new Retention(-1, -1, 100);
    }

    boolean limited() {
        return bytesMax >= 0 || ageMsMax >= 0;
    }
}
