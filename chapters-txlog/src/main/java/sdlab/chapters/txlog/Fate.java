package sdlab.chapters.txlog;

/** How one attempt at a transaction ends, drawn by its producer from the seed. */
enum Fate {
    /** The producer commits. */
    COMMIT,
    /** The producer aborts it itself, then retries the same payments in a new transaction. */
    ABORT,
    /**
     * The producer process dies before ending it and a new instance starts: its InitProducerId fences the old epoch
     * and aborts the transaction; the new instance retries the payments.
     */
    CRASH,
    /**
     * The producer stalls (a long pause) past its transaction timeout: the coordinator aborts the transaction and
     * fences the producer, which learns it on waking, starts again and retries the payments.
     */
    HANG
}
