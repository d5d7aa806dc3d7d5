package sdlab.check.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import sdlab.core.history.Op;

/**
 * Writes a history in the project's JSON lines format, the one {@link JsonHistoryReader} reads:
 * one {@code {"process","type","f","key","value","time","error"}} object per line. Values are
 * null, whole numbers, text, booleans or lists of those, as the store's clients produce them.
 */
public final class JsonHistoryWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonHistoryWriter() {}

    /** One entry as one line, without the line break. */
    public static String line(Op op) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("process", op.process());
        entry.put("type", op.type().wireName());
        entry.put("f", op.f());
        if (op.key() != null) {
            entry.put("key", op.key());
        }
        entry.set("value", MAPPER.valueToTree(op.value()));
        entry.put("time", op.timeNanos());
        if (op.error() != null) {
            entry.put("error", op.error());
        }
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + op + " as JSON", e);
        }
    }

    /** The whole history, one line per entry. */
    public static String lines(List<Op> ops) {
        StringBuilder text = new StringBuilder();
        for (Op op : ops) {
            text.append(line(op)).append('\n');
        }
        return text.toString();
    }
}
