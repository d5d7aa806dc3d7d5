package sdlab.check.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads EDN histories as Jepsen and Knossos write them: a vector of operation maps (Jepsen's
 * {@code history.edn}), a list of them (Knossos's test data), or maps one after another (one per
 * line, as in Porcupine's test data). Each operation may be a plain map or a tagged record
 * ({@code #jepsen.history.Op{...}}); comments ({@code ;}) may come before, between and after.
 * Fields a checker does not use ({@code :index}, {@code :node}, ...) are ignored.
 */
final class EdnHistoryReader {
    private EdnHistoryReader() {}

    static List<RawEntry> read(String text) {
        EdnReader reader = new EdnReader(text, 1);
        List<RawEntry> entries = new ArrayList<>();
        char close = reader.consume('[') ? ']' : reader.consume('(') ? ')' : 0;
        if (close == 0) {
            while (reader.hasNext()) {
                int line = reader.line();
                entries.add(entry(reader.next(), line));
            }
            return entries;
        }
        String what = close == ']' ? "vector" : "list";
        while (!reader.consume(close)) {
            if (!reader.hasNext()) {
                throw reader.error(
                        "expected '" + close + "' to close the history " + what + ", found the end of the input");
            }
            int line = reader.line();
            entries.add(entry(reader.next(), line));
        }
        if (reader.hasNext()) {
            throw reader.error("expected the end of the input after the history's '" + close + "'");
        }
        return entries;
    }

    private static RawEntry entry(Object form, int line) {
        if (!(form instanceof Map<?, ?> map)) {
            throw new MalformedHistoryException(
                    line,
                    "expected an operation map such as {:process 0, :type :invoke, :f :read, :value nil}, found "
                            + form);
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
