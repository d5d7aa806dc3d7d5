package sdlab.check.history;

import java.util.List;
import java.util.stream.Collectors;

/** Formats history values (null, Long, String, lists) the way Jepsen prints them. */
public final class Values {
    private Values() {}

    /** {@code nil}, {@code 3}, {@code "x"} or {@code [1 2]}. */
    public static String format(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Values::format).collect(Collectors.joining(" ", "[", "]"));
        }
        return value.toString();
    }
}
