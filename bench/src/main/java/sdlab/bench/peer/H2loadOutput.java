package sdlab.bench.peer;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads h2load's summary ({@code finished in 2.00s, 19738.00 req/s, ...}, {@code requests: ...
 * N failed, N errored, N timeout}, {@code status codes: a 2xx, b 3xx, c 4xx, d 5xx}) and its
 * {@code --log-file}, one line per request: start time (µs), status, duration (µs). h2load
 * prints no percentiles itself, so p99 comes from the log.
 */
final class H2loadOutput {
    private static final Pattern RATE = Pattern.compile("^finished in [\\d.]+\\w*, ([\\d.]+) req/s", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile(
            "^requests: \\d+ total, \\d+ started, \\d+ done, \\d+ succeeded, (\\d+) failed, (\\d+) errored,"
                    + " (\\d+) timeout",
            Pattern.MULTILINE);
    private static final Pattern STATUS =
            Pattern.compile("^status codes: \\d+ 2xx, \\d+ 3xx, (\\d+) 4xx, (\\d+) 5xx", Pattern.MULTILINE);
    private static final double MICROS_PER_MILLI = 1000;

    private H2loadOutput() {}

    static LoadFigures parse(String summary, String requestLog) {
        Matcher rate = RATE.matcher(summary);
        Matcher requests = REQUESTS.matcher(summary);
        Matcher status = STATUS.matcher(summary);
        if (!rate.find() || !requests.find() || !status.find()) {
            throw new IllegalArgumentException(
                    "no 'finished in', 'requests:' or 'status codes:' line in h2load output: "
                            + RedisBenchmarkCsv.shorten(summary));
        }
        long errors = Long.parseLong(requests.group(1))
                + Long.parseLong(requests.group(2))
                + Long.parseLong(requests.group(3))
                + Long.parseLong(status.group(1))
                + Long.parseLong(status.group(2));
        return new LoadFigures(Double.parseDouble(rate.group(1)), p99Micros(requestLog) / MICROS_PER_MILLI, errors);
    }

    /** The 99th percentile (nearest rank) of the durations in an h2load request log. */
    static double p99Micros(String requestLog) {
        long[] durations = requestLog
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .mapToLong(l -> Long.parseLong(l.split("\t")[2]))
                .toArray();
        if (durations.length == 0) {
            throw new IllegalArgumentException("h2load's request log is empty");
        }
        Arrays.sort(durations);
        int rank = (int) Math.ceil(durations.length * 0.99);
        return durations[Math.max(0, rank - 1)];
    }
}
