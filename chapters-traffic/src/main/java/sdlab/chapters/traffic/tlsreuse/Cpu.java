package sdlab.chapters.traffic.tlsreuse;

/**
 * A server's CPU as one core that runs jobs in the order they arrive: a job submitted while
 * the core is busy waits. That is where handshake cost turns into latency when many devices
 * reconnect at once.
 */
final class Cpu {
    private long busyUntilNanos;

    /** Runs a job of {@code costNanos} submitted at {@code nowNanos}; returns the wait until it finishes. */
    long run(long nowNanos, long costNanos) {
        long start = Math.max(nowNanos, busyUntilNanos);
        busyUntilNanos = start + costNanos;
        return busyUntilNanos - nowNanos;
    }
}
