package sdlab.lab;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * One seed's latencies under one name, as recorded, in nanoseconds. A seed records a few hundred latencies, and an
 * HdrHistogram of three significant digits that reaches a 300 ms latency holds about 20,000 counts that a sweep
 * would allocate, fill and add up for every variant of every seed; the raw values are a few kilobytes, and recording
 * them into the sweep's histogram gives it exactly the counts, minimum and maximum that adding a seed's histogram
 * would. Not thread-safe: one run records, then others only read.
 */
final class LatencySamples {
    private static final int CAPACITY_INITIAL = 64;

    /** The recordings of the three-significant-digit histograms this class stands in for. */
    static final int HISTOGRAM_DIGITS = 3;

    private long[] nanos = new long[CAPACITY_INITIAL];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    int size() {
        return size;
    }

    /** Records every latency into {@code histogram}, which must have {@link #HISTOGRAM_DIGITS} digits. */
    void recordInto(Histogram histogram) {
        for (int i = 0; i < size; i++) {
            histogram.recordValue(nanos[i]);
        }
    }

    /** A histogram of these latencies, sized to hold them at once and resizing itself if more are recorded. */
    Histogram toHistogram() {
        long highest = 2;
        for (int i = 0; i < size; i++) {
            highest = Math.max(highest, nanos[i]);
        }
        Histogram histogram = new Histogram(1, highest, HISTOGRAM_DIGITS);
        histogram.setAutoResize(true);
        recordInto(histogram);
        return histogram;
    }
}
