package sdlab.check.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON history format: an array of entry objects, or one object per line. */
final class JsonHistoryReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonHistoryReader() {}

    static List<RawEntry> read(String text) {
        return text.stripLeading().startsWith("[") ? readArray(text) : readLines(text);
    }

    private static List<RawEntry> readArray(String text) {
        List<RawEntry> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            parser.nextToken(); // the '['
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedHistoryException(
                            line, "expected an entry object {\"process\": ...}, found " + token);
                }
                entries.add(entry(MAPPER.readTree(parser), line));
            }
            if (parser.nextToken() != null) {
                throw new MalformedHistoryException(
                        parser.currentTokenLocation().getLineNr(),
                        "expected the end of the input after the history's ']'");
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new AssertionError("reading a string cannot fail", e);
        }
        return entries;
    }

    private static List<RawEntry> readLines(String text) {
        List<RawEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("{")) {
                throw new MalformedHistoryException(
                        i + 1, "expected a JSON entry object {\"process\": ...} on each line");
            }
            try {
                entries.add(entry(MAPPER.readTree(line), i + 1));
            } catch (JsonProcessingException e) {
                throw new MalformedHistoryException(i + 1, "invalid JSON: " + e.getOriginalMessage());
            }
        }
        return entries;
    }

    private static RawEntry entry(JsonNode node, int line) {
        if (!node.isObject()) {
            throw new MalformedHistoryException(line, "expected an entry object {\"process\": ...}");
        }
        return new RawEntry(
                line,
                java(node.get("process")),
                java(node.get("type")),
                java(node.get("f")),
                java(node.get("key")),
                java(node.get("value")),
                java(node.get("time")),
                java(node.get("error")));
    }

    /** The plain Java value of a JSON node: null, Long, Double, String, Boolean, List or Map. */
    private static Object java(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(java(item)));
            return items;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), java(e.getValue())));
        return fields;
    }

    private static MalformedHistoryException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new MalformedHistoryException(
                at == null ? 0 : at.getLineNr(), "invalid JSON: " + e.getOriginalMessage());
    }
}
