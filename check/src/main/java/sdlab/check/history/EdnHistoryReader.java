package sdlab.check.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads Jepsen's EDN histories: a vector of entry maps, or maps one after another (one per line). */
final class EdnHistoryReader {
    private EdnHistoryReader() {}

    static List<RawEntry> read(String text) {
        EdnReader reader = new EdnReader(text, 1);
        List<RawEntry> entries = new ArrayList<>();
        if (reader.consume('[')) {
            while (!reader.consume(']')) {
                if (!reader.hasNext()) {
                    throw reader.error("expected ']' to close the history vector, found the end of the input");
                }
                int line = reader.line();
                entries.add(entry(reader.next(), line));
            }
            if (reader.hasNext()) {
                throw reader.error("expected the end of the input after the history's ']'");
            }
            return entries;
        }
        while (reader.hasNext()) {
            int line = reader.line();
            entries.add(entry(reader.next(), line));
        }
        return entries;
    }

    private static RawEntry entry(Object form, int line) {
        if (!(form instanceof Map<?, ?> map)) {
            throw new MalformedHistoryException(line, "expected an entry map {:process ..., :type ...}, found " + form);
        }
        return new RawEntry(
                line,
                field(map, "process"),
                field(map, "type"),
                field(map, "f"),
                field(map, "key"),
                field(map, "value"),
                field(map, "time"),
                field(map, "error"));
    }

    private static Object field(Map<?, ?> map, String name) {
        return map.get(new EdnReader.Keyword(name));
    }
}
