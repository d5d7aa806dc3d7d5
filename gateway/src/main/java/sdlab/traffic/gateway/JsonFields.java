package sdlab.traffic.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one JSON object of the configuration while remembering where it is, so that every
 * problem names its field ({@code upstreams[0].healthCheck.intervalMs: must be at least 10}).
 * Problems are collected, not thrown, so that one run reports them all.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String message) {
        problems.add(field(name) + ": " + message);
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** Reports fields this object does not define: a typo should not be silently ignored. */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(
                        name,
                        "unknown field; expected one of "
                                + known.stream().sorted().toList());
            }
        }
    }

    String string(String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            problem(name, "must be a string");
            return fallback;
        }
        return value.asText();
    }

    String requiredString(String name) {
        if (!has(name)) {
            problem(name, "required");
            return "";
        }
        return string(name, "");
    }

    long number(String name, long fallback, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            problem(name, "must be a whole number");
            return fallback;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problem(name, "must be between " + min + " and " + max + ", got " + number);
            return fallback;
        }
        return number;
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    /** The nested object {@code name}, or null if absent (reported if not an object). */
    JsonFields object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(name, "must be an object");
            return null;
        }
        return new JsonFields(value, field(name), problems);
    }

    /** The objects of the array {@code name}; empty if absent. */
    List<JsonFields> array(String name) {
        JsonNode value = node.get(name);
        List<JsonFields> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = field(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                problems.add(itemPath + ": must be an object");
            } else {
                items.add(new JsonFields(value.get(i), itemPath, problems));
            }
        }
        return items;
    }
}
