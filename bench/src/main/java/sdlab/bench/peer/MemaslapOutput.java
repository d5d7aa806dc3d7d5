package sdlab.bench.peer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads memaslap's output (shipped as {@code memcaslap} by libmemcached-tools 1.1), run with
 * {@code -S} so that it prints latency statistics. Throughput is the final line's {@code TPS};
 * the 99th percentile comes from the "Total Statistics" log2 histogram, whose rows read
 * {@code k: n(k) n(k+1) n(k+2) n(k+3)}, {@code n(i)} being the operations whose latency in
 * microseconds lies in {@code (2^(i-1), 2^i]} (memaslap's bucket is the smallest power of two
 * not below the latency). The histogram gives the bucket, not
 * the value: p99 is reported as the bucket's upper bound, so it is good to a factor of two.
 *
 * <p>memaslap counts an error reply as an operation like any other and prints it as a line
 * {@code <fd CLIENT_ERROR ...>}; those lines are the run's errors. (A node that refused
 * memaslap's keys once answered every request with an error, and the run looked like a fast one.)
 */
final class MemaslapOutput {
    private static final Pattern TPS = Pattern.compile("^Run time: .* TPS: (\\d+)", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile("^\\s+(\\d+):((?:\\s+\\d+)+)\\s*$");
    private static final Pattern ERROR_REPLY =
            Pattern.compile("^<\\d+ (?:CLIENT_ERROR|SERVER_ERROR|ERROR)\\b", Pattern.MULTILINE);
    private static final double MICROS_PER_MILLI = 1000;

    private MemaslapOutput() {}

    static LoadFigures parse(String output) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalArgumentException(
                    "no 'Run time: ... TPS:' line in memaslap output: " + RedisBenchmarkCsv.shorten(output));
        }
        long[] buckets = totalHistogram(output);
        long errors = ERROR_REPLY.matcher(output).results().count();
        return new LoadFigures(
                Double.parseDouble(tps.group(1)), p99UpperBoundMicros(buckets) / MICROS_PER_MILLI, errors);
    }

    /** Counts by log2 bucket (index i: latencies in (2^(i-1), 2^i] µs) of the total statistics. */
    private static long[] totalHistogram(String output) {
        int start = output.indexOf("Total Statistics (");
        if (start < 0) {
            throw new IllegalArgumentException(
                    "no 'Total Statistics (N events)' block in memaslap output;" + " run it with -S");
        }
        long[] buckets = new long[64];
        List<String> lines = output.substring(start).lines().toList();
        boolean inHistogram = false;
        for (String line : lines) {
            if (line.strip().startsWith("Log2 Dist")) {
                inHistogram = true;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (!inHistogram) {
                continue;
            }
            if (!row.matches()) {
                break;
            }
            int exponent = Integer.parseInt(row.group(1));
            String[] counts = row.group(2).strip().split("\\s+");
            for (int i = 0; i < counts.length; i++) {
                buckets[exponent + i] = Long.parseLong(counts[i]);
            }
        }
        return buckets;
    }

    private static double p99UpperBoundMicros(long[] buckets) {
        long total = 0;
        for (long count : buckets) {
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("memaslap's latency histogram is empty");
        }
        long needed = (long) Math.ceil(total * 0.99);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= needed) {
                return Math.pow(2, i);
            }
        }
        throw new AssertionError("the histogram's counts sum to its total");
    }
}
