package sdlab.sim;

/**
 * One node's view of time: virtual time plus a fixed offset, running fast or slow by {@code
 * driftPpm} parts per million.
 */
record NodeClock(long offsetNanos, double driftPpm) {

    static final NodeClock EXACT = new NodeClock(0, 0);

    /** What this node's clock reads at virtual time {@code virtualNanos}. */
    long read(long virtualNanos) {
        if (driftPpm == 0) {
            return offsetNanos + virtualNanos;
        }
        return offsetNanos + virtualNanos + (long) (virtualNanos * driftPpm / 1e6);
    }

    /** How much virtual time passes while this clock advances by {@code localNanos}. */
    long virtualDelay(long localNanos) {
        if (driftPpm == 0) {
            return localNanos;
        }
        return (long) (localNanos / (1 + driftPpm / 1e6));
    }
}
