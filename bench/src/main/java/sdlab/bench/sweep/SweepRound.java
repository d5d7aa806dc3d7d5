package sdlab.bench.sweep;

/**
 * One timed sweep.
 *
 * @param seeds seeds run
 * @param variants variants per seed
 * @param wallNanos wall-clock time of the sweep and its JSON report
 * @param cpuNanos CPU time of the whole process over the same span, or -1 where the JVM cannot tell
 * @param reportChars length of the JSON report
 * @param reportHash a hash of the JSON report: equal in every round, since the report depends only on the seeds
 */
public record SweepRound(int seeds, int variants, long wallNanos, long cpuNanos, int reportChars, int reportHash) {
    private static final double NANOS_PER_SECOND = 1e9;

    public double wallSeconds() {
        return wallNanos / NANOS_PER_SECOND;
    }

    /** CPU seconds, or a negative number where unknown. */
    public double cpuSeconds() {
        return cpuNanos < 0 ? -1 : cpuNanos / NANOS_PER_SECOND;
    }

    public double seedsPerSecond() {
        return seeds / wallSeconds();
    }

    /**
     * The wall time idle cores would give: CPU time spread over {@code cores}, or the wall time itself when that is
     * shorter (a sweep cannot beat its measured wall time) or the CPU time is unknown.
     */
    public double idleWallSecondsEstimate(int cores) {
        if (cpuNanos < 0) {
            return wallSeconds();
        }
        return Math.min(wallSeconds(), cpuSeconds() / cores);
    }
}
