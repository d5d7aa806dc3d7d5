package sdlab.cron;

import sdlab.core.Timer;

/** Every timer of the cron scheduler, in one place. */
final class CronTimers {
    private CronTimers() {}

    /** Time to renew the lease, or to try to take it. */
    record LeaseTick() implements Timer {}

    /** Slot {@code slot} is due by this scheduler's clock. */
    record SlotDue(long slot) implements Timer {}

    /** The job of {@code slot} finished computing; its result is ready to write. */
    record WorkDone(long slot) implements Timer {}

    /** The write of attempt {@code attempt} for {@code slot} had no answer in time. */
    record WriteTimeout(long slot, int attempt) implements Timer {}

    /** The backoff before attempt {@code attempt} for {@code slot} is over. */
    record BackoffOver(long slot, int attempt) implements Timer {}

    /** The store request {@code requestId} went unanswered: try the next node. */
    record StoreAttempt(long requestId) implements Timer {}

    /** After a redirect without a hint, wait a little before asking again. */
    record StoreRetry(long requestId) implements Timer {}

    /** The store operation {@code requestId} took too long in all: its outcome is unknown. */
    record StoreGiveUp(long requestId) implements Timer {}
}
