package sdlab.cron;

import sdlab.coord.fencing.FencingPolicy;

/**
 * How a scheduler guards a job run against a second scheduler running it too: chapter 14's
 * options, each as practitioners build it. Every option elects its leader the same way (a lease
 * in the Raft store, {@link LeaseKeeper}); they differ in what a run does around the job's write
 * to its target, and in what the target checks.
 */
public enum CronOption {
    /**
     * A: a pessimistic lock row, as ShedLock or a {@code SELECT ... FOR UPDATE} on a jobs table
     * do: before the job runs, the scheduler takes the job's row in the store (a cas to
     * "held by me until now + lock time", its own clock judging whether another holder's time is
     * up), and releases it after the write. The target checks nothing. The write is sent once:
     * a lock says nothing about whether a retry would repeat an applied write.
     */
    TABLE_LOCK(true, false, false, false, FencingPolicy.plain()),
    /**
     * B: fencing tokens. The lease's epoch, raised by every acquisition, goes with the write, and
     * the target refuses a token lower than one it has accepted. Sent once, as in A.
     */
    FENCING(false, true, false, false, FencingPolicy.tokens()),
    /**
     * C: client-side retries with exponential backoff and jitter: a write that is not answered
     * in time is sent again, up to a bound. Nothing is fenced or deduplicated.
     */
    RETRIES(false, false, false, true, FencingPolicy.plain()),
    /**
     * D: idempotent job handlers: the write carries the key (job, scheduled time) and the target
     * applies a key once. Retried as in C, since the key is what makes retrying safe.
     */
    IDEMPOTENT(false, false, true, true, FencingPolicy.keys()),
    /** B and D together: the epoch as a token and the slot as an idempotency key; retried. */
    FENCING_AND_IDEMPOTENT(false, true, true, true, FencingPolicy.tokensAndKeys());

    private final boolean locksRow;
    private final boolean sendsToken;
    private final boolean sendsKey;
    private final boolean retries;
    private final FencingPolicy targetPolicy;

    CronOption(boolean locksRow, boolean sendsToken, boolean sendsKey, boolean retries, FencingPolicy targetPolicy) {
        this.locksRow = locksRow;
        this.sendsToken = sendsToken;
        this.sendsKey = sendsKey;
        this.retries = retries;
        this.targetPolicy = targetPolicy;
    }

    /** Whether a run takes the job's lock row in the store first. */
    public boolean locksRow() {
        return locksRow;
    }

    /** Whether the write carries the lease's epoch as its fencing token. */
    public boolean sendsToken() {
        return sendsToken;
    }

    /** Whether the write carries the slot as its idempotency key. */
    public boolean sendsKey() {
        return sendsKey;
    }

    /** Whether an unanswered write is sent again, with exponential backoff. */
    public boolean retries() {
        return retries;
    }

    /** What the job's target checks for this option. */
    public FencingPolicy targetPolicy() {
        return targetPolicy;
    }
}
