package sdlab.runtime.host;

/**
 * A node's clock in a real process: monotonic (it never steps back while the process lives,
 * whatever NTP does to the wall clock) and anchored to the wall clock at start, so that a
 * restarted process reads later times than the life before it. Nodes use that: the quorum
 * store tells one life's operation ids from the previous life's by the start time.
 */
final class SystemClock {
    private final long anchorNanos;
    private final long startNanoTime;

    SystemClock() {
        this.anchorNanos = System.currentTimeMillis() * 1_000_000L;
        this.startNanoTime = System.nanoTime();
    }

    long nowNanos() {
        return anchorNanos + (System.nanoTime() - startNanoTime);
    }
}
