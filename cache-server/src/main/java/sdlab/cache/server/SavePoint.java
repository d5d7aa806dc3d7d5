package sdlab.cache.server;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of Redis's {@code save} rules: snapshot when at least {@code changes} writes happened and
 * at least {@code seconds} passed since the last snapshot.
 */
public record SavePoint(long seconds, long changes) {
    /** Redis's default: after 1 hour and 1 change, 5 minutes and 100 changes, 1 minute and 10000 changes. */
    public static final List<SavePoint> REDIS_DEFAULT =
            List.of(new SavePoint(3600, 1), new SavePoint(300, 100), new SavePoint(60, 10000));

    public SavePoint {
        if (seconds < 1 || changes < 1) {
            throw new IllegalArgumentException("a save point needs positive seconds and changes");
        }
    }

    /** Parses Redis's form, pairs of numbers: {@code "3600 1 300 100"}; an empty string means none. */
    public static List<SavePoint> parseAll(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("save needs pairs of <seconds> <changes>, e.g. \"3600 1 300 100\"");
        }
        List<SavePoint> points = new ArrayList<>();
        try {
            for (int i = 0; i < parts.length; i += 2) {
                points.add(new SavePoint(Long.parseLong(parts[i]), Long.parseLong(parts[i + 1])));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("save needs whole numbers, e.g. \"3600 1 300 100\"", e);
        }
        return List.copyOf(points);
    }

    /** The pairs in Redis's form. */
    public static String format(List<SavePoint> points) {
        return points.stream().map(p -> p.seconds() + " " + p.changes()).collect(Collectors.joining(" "));
    }
}
