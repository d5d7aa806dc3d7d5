package sdlab.bench.peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code redis-benchmark --csv} output (redis 7): a header line naming the columns, then
 * one quoted line per test, e.g. {@code "GET","476190.47","1.207",...,"3.943","4.127"}. Columns
 * are found by name, so an added column does not shift the figures.
 */
final class RedisBenchmarkCsv {
    private RedisBenchmarkCsv() {}

    /**
     * Each test's figures, by the test's upper-case name (SET, GET, "LRANGE_100 (first 100
     * elements)"), in the order they ran.
     *
     * @throws IllegalStateException if a server answered an error: redis-benchmark 7 stops at the
     *     first one, and a run with an error is not a figure; or if a test ran too fast to time
     *     (redis-benchmark prints its rate as "inf" when a test took under a millisecond)
     */
    static Map<String, LoadFigures> parse(String output) {
        output.lines()
                .filter(l -> l.startsWith("Error from server"))
                .findFirst()
                .ifPresent(error -> {
                    throw new IllegalStateException("redis-benchmark stopped at a server error (" + error.strip()
                            + ") after: " + shorten(output));
                });
        List<String> lines = output.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("\""))
                .toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("\"test\"")) {
            throw new IllegalArgumentException("no redis-benchmark CSV header in: " + shorten(output));
        }
        List<String> header = cells(lines.get(0));
        int rps = column(header, "rps");
        int p99 = column(header, "p99_latency_ms");
        Map<String, LoadFigures> figures = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            String test = cells.get(0).toUpperCase(Locale.ROOT);
            figures.put(test, new LoadFigures(figure(test, cells.get(rps)), figure(test, cells.get(p99)), 0));
        }
        return figures;
    }

    /** A finite figure: "inf" or "nan" means the test finished within redis-benchmark's millisecond clock. */
    private static double figure(String test, String cell) {
        double value = Double.parseDouble(cell.equals("inf") || cell.equals("nan") ? "NaN" : cell);
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("redis-benchmark timed " + test + " at " + cell
                    + ": it finished within a millisecond, too fast to time; run more requests (-n)");
        }
        return value;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("redis-benchmark CSV has no column " + name + ": " + header
                    + " (redis-benchmark 7 or newer prints it)");
        }
        return index;
    }

    private static List<String> cells(String line) {
        return List.of(line.substring(1, line.length() - 1).split("\",\""));
    }

    static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() <= 300 ? stripped : stripped.substring(0, 300) + "...";
    }
}
