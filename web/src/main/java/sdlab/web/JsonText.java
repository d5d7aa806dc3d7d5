package sdlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one JSON mapper of the web lab, and the small conversions every API type needs. */
final class JsonText {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact JSON text of a tree. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    /** {@code {"error": message}}: the body of every refused request. */
    static String error(String message) {
        return write(object().put("error", message));
    }
}
