package sdlab.bench.repl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of an {@code INFO replication} reply, as {@code name:value} lines. */
record ReplicationInfo(Map<String, String> fields) {
    static ReplicationInfo parse(String text) {
        Map<String, String> fields = new HashMap<>();
        text.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        });
        return new ReplicationInfo(Map.copyOf(fields));
    }

    Optional<String> text(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** A whole-number field, or -1 when absent or not a number. */
    long number(String field) {
        try {
            return text(field).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
