package sdlab.bench.peer;

import java.util.Arrays;

/**
 * What a {@link PingProbe} measured.
 *
 * @param pings round trips completed
 * @param latencyMsP99 their 99th percentile
 * @param latencyMsMax the longest
 */
public record PingFigures(int pings, double latencyMsP99, double latencyMsMax) {
    /** The figures of these round trips, in nanoseconds. */
    static PingFigures of(long[] roundTripNanos) {
        if (roundTripNanos.length == 0) {
            return new PingFigures(0, Double.NaN, Double.NaN);
        }
        long[] sorted = roundTripNanos.clone();
        Arrays.sort(sorted);
        int p99 = (int) Math.ceil(sorted.length * 0.99) - 1;
        return new PingFigures(sorted.length, sorted[p99] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
