package sdlab.check.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads operations from a Jepsen log: lines like {@code INFO jepsen.util - 3 :invoke :cas [1 4]}
 * or {@code INFO jepsen.util - 0 :info :write :timed-out}. Other log lines, and the nemesis's
 * lines, are skipped. On a fail or info line a keyword where the value would be, or a field after
 * the value, is the reason (the entry's error).
 */
final class JepsenLogReader {
    private static final String MARKER = "jepsen.util - ";

    private JepsenLogReader() {}

    static List<RawEntry> read(String text) {
        List<RawEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(MARKER);
            if (at < 0) {
                continue;
            }
            String[] fields = lines[i].substring(at + MARKER.length()).strip().split("\\s+", 4);
            if (fields.length == 0 || !fields[0].matches("[0-9]{1,18}")) {
                continue; // the nemesis's lines and jepsen.util's other messages
            }
            entries.add(entry(fields, i + 1));
        }
        return entries;
    }

    private static RawEntry entry(String[] fields, int line) {
        if (fields.length < 3) {
            throw new MalformedHistoryException(line, "expected 'process :type :f value' after '" + MARKER + "'");
        }
        List<Object> rest = new ArrayList<>();
        if (fields.length == 4) {
            EdnReader reader = new EdnReader(fields[3], line);
            while (reader.hasNext()) {
                rest.add(reader.next());
            }
        }
        if (rest.size() > 2) {
            throw new MalformedHistoryException(line, "expected at most a value and a reason after the operation name");
        }
        String type = keyword(fields[1], line, "a type keyword (:invoke, :ok, :fail or :info)");
        String f = keyword(fields[2], line, "an operation keyword such as :read");
        Object value = rest.isEmpty() ? null : rest.get(0);
        Object error = rest.size() > 1 ? rest.get(1) : null;
        boolean completedBadly = type.equals("fail") || type.equals("info");
        if (completedBadly && value instanceof EdnReader.Keyword reason && error == null) {
            value = null;
            error = reason;
        }
        return new RawEntry(line, Long.parseLong(fields[0]), type, f, null, value, null, error);
    }

    private static String keyword(String field, int line, String expected) {
        if (!field.startsWith(":") || field.length() == 1) {
            throw new MalformedHistoryException(line, "expected " + expected + ", found '" + field + "'");
        }
        return field.substring(1);
    }
}
