package sdlab.cron;

/** Why the scheduler asked the store something: routes the answer back to the role that asked. */
sealed interface StorePurpose {

    /** Read the lease, to see whether it may be taken. */
    record ReadLease() implements StorePurpose {}

    /** Take or renew the lease with {@code proposed}; the request was sent at {@code sentAtNanos}. */
    record WriteLease(LeaseValue proposed, long sentAtNanos) implements StorePurpose {}

    /** On taking the lease: was the slot due now already run? */
    record ReadDone(long slot) implements StorePurpose {}

    /** Read the lock row before a run (option A). */
    record ReadLock(long slot) implements StorePurpose {}

    /** Take the lock row with {@code proposed} (option A). */
    record TakeLock(long slot, String proposed) implements StorePurpose {}

    /** Mark {@code slot} done. */
    record MarkDone(long slot) implements StorePurpose {}

    /** Release the lock row that held {@code held} (option A). */
    record ReleaseLock(long slot, String held) implements StorePurpose {}
}
