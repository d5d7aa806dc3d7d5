package sdlab.traffic.httpcache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response's {@code Vary} field: the request fields, besides method and target, that selected
 * this response (RFC 9110 section 12.5.5). A cache keeps one stored response per combination of
 * their values (RFC 9111 section 4.1).
 *
 * @param any {@code Vary: *}: something outside the request's fields selected it, so no later
 *     request can be shown to match
 * @param fieldNames the nominated field names, lower case, in field order, without repeats
 */
public record Vary(boolean any, List<String> fieldNames) {
    /** No {@code Vary} field: the response is the same whatever the request's fields say. */
    public static final Vary NONE = new Vary(false, List.of());

    public Vary {
        fieldNames = List.copyOf(fieldNames);
    }

    /** The field value {@code fieldValue}, comma-separated names; {@link #NONE} for null or blank. */
    public static Vary parse(String fieldValue) {
        if (fieldValue == null || fieldValue.isBlank()) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        for (String member : fieldValue.split(",")) {
            String name = member.strip().toLowerCase(Locale.ROOT);
            if (name.equals("*")) {
                return new Vary(true, List.of());
            }
            if (DirectiveList.isToken(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return new Vary(false, names);
    }
}
