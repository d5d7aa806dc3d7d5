package sdlab.bench.peer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code wrk --latency} output: {@code Requests/sec:}, the 99% line of "Latency
 * Distribution" (in us, ms or s), and the error lines wrk adds only when there were errors
 * ({@code Non-2xx or 3xx responses: N}, {@code Socket errors: connect a, read b, write c,
 * timeout d}).
 */
final class WrkOutput {
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
    private static final Pattern P99 = Pattern.compile("^\\s+99%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX =
            Pattern.compile("^\\s*Non-2xx or 3xx responses:\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkOutput() {}

    static LoadFigures parse(String output) {
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IllegalArgumentException("no 'Requests/sec' or '99%' line in wrk output (run it with --latency): "
                    + RedisBenchmarkCsv.shorten(output));
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new LoadFigures(Double.parseDouble(rate.group(1)), millis(p99.group(1), p99.group(2)), errors);
    }

    static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
