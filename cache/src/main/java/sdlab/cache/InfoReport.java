package sdlab.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text INFO returns: sections in Redis's order, each a header line and {@code name:value}
 * lines, with CRLF line ends.
 */
public final class InfoReport {
    /** Sections in the order Redis prints them; INFO with no argument prints all of these. */
    public static final List<String> SECTIONS =
            List.of("server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace");

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    public InfoReport() {
        SECTIONS.forEach(section -> sections.put(section, new LinkedHashMap<>()));
    }

    /** Adds (or replaces) {@code name:value} in {@code section}. */
    public InfoReport field(String section, String name, Object value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, String.valueOf(value));
        return this;
    }

    /** The value of a field, or null; for tests. */
    public String get(String section, String name) {
        Map<String, String> fields = sections.get(section);
        return fields == null ? null : fields.get(name);
    }

    /** The text of the named sections ({@code all}, {@code default} and {@code everything} mean all). */
    String render(Set<String> wanted) {
        boolean everything = wanted.isEmpty()
                || wanted.contains("all")
                || wanted.contains("default")
                || wanted.contains("everything");
        StringBuilder out = new StringBuilder();
        sections.forEach((section, fields) -> {
            if (everything || wanted.contains(section)) {
                if (!out.isEmpty()) {
                    out.append("\r\n");
                }
                String title = Character.toUpperCase(section.charAt(0))
                        + section.substring(1).toLowerCase(Locale.ROOT);
                out.append("# ").append(title).append("\r\n");
                fields.forEach((name, value) ->
                        out.append(name).append(':').append(value).append("\r\n"));
            }
        });
        return out.toString();
    }
}
