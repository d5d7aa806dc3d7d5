package sdlab.traffic.gateway;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A deadline set and cleared once per request without a timer per request. Scheduling a task
 * on the event loop and cancelling it costs an allocation and two operations on the loop's
 * timer heap, for a deadline that is nearly always cleared long before it is due. This keeps at
 * most one task pending and lets it re-arm itself: when it fires, it does nothing if the
 * deadline was cleared, runs the expiry if the deadline has passed, and otherwise waits for
 * the time left. Every deadline is "now plus the same timeout", so a pending task never fires
 * later than the deadline it checks. Use it from its event loop only.
 */
final class LazyDeadline {
    private static final long NONE = Long.MIN_VALUE;

    private final EventExecutor loop;
    private final long timeoutNanos;
    private final Runnable onExpiry;
    private final Runnable check = this::check;

    private long deadlineNanos = NONE;
    private boolean pending;

    LazyDeadline(EventExecutor loop, long timeoutMs, Runnable onExpiry) {
        this.loop = loop;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        this.onExpiry = onExpiry;
    }

    /** The deadline is the timeout from now. */
    void start() {
        deadlineNanos = System.nanoTime() + timeoutNanos;
        if (!pending) {
            arm(timeoutNanos);
        }
    }

    /** No deadline until the next {@link #start}. */
    void clear() {
        deadlineNanos = NONE;
    }

    boolean running() {
        return deadlineNanos != NONE;
    }

    private void arm(long delayNanos) {
        pending = true;
        loop.schedule(check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        pending = false;
        if (deadlineNanos == NONE) {
            return;
        }
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos > 0) {
            arm(leftNanos);
            return;
        }
        deadlineNanos = NONE;
        onExpiry.run();
    }
}
