package sdlab.txlog;

/** When the leader answers a produce, as Kafka's {@code acks}. */
public enum Acks {
    /** Never: the producer learns nothing, not even a refusal ({@code acks=0}). */
    NONE,
    /** Once the batch is in the leader's log ({@code acks=1}); a leader that dies before its followers copy it loses it. */
    LEADER,
    /**
     * Once the high watermark passes the batch, so every in-sync replica holds it ({@code acks=all}); refused with
     * NOT_ENOUGH_REPLICAS when fewer than {@code min.insync.replicas} are in sync.
     */
    ALL
}
