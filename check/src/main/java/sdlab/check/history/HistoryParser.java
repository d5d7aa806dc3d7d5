package sdlab.check.history;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/**
 * Reads a history in any of the {@link HistoryFormat}s, recognising the format by itself.
 *
 * <p>Every entry needs a process (a non-negative integer), a type (invoke, ok, fail or info) and
 * an operation name {@code f} (which defaults to {@code txn} for a value that is a list of
 * micro-operations, as elle-cli's histories leave it out); {@code key}, {@code value}, {@code time} (nanoseconds) and {@code
 * error} are optional. Values are null, integers (as {@link Long}), strings, booleans, doubles or
 * lists of those; EDN keywords and symbols become their names. Entries of Jepsen's nemesis
 * (process {@code :nemesis}) are skipped, as are unknown fields. In EDN and Jepsen logs, values
 * that are all {@code [key value]} tuples are Jepsen's independent keys ({@link IndependentTuples}). Pairing invocations with completions is a separate step:
 * {@link Operations#of}.
 */
public final class HistoryParser {
    private HistoryParser() {}

    /**
     * Parses a history, detecting its format.
     *
     * @throws MalformedHistoryException naming the line and what was expected
     */
    public static History parse(String text) {
        return parse(text, HistoryFormat.detect(text));
    }

    /** Parses a history in the given format. */
    public static History parse(String text, HistoryFormat format) {
        List<RawEntry> entries =
                switch (format) {
                    case JSON -> JsonHistoryReader.read(text);
                    case EDN -> EdnHistoryReader.read(text);
                    case JEPSEN_LOG -> JepsenLogReader.read(text);
                };
        List<RawEntry> client = new ArrayList<>(entries.size());
        for (RawEntry entry : entries) {
            if (!entry.isNemesis()) {
                client.add(entry);
            }
        }
        if (format != HistoryFormat.JSON) {
            client = IndependentTuples.split(client);
        }
        List<Op> ops = new ArrayList<>(client.size());
        for (RawEntry entry : client) {
            ops.add(entry.toOp());
        }
        return History.of(ops);
    }

    /**
     * Reads all of {@code reader} (without closing it) and parses it, detecting the format.
     *
     * @throws UncheckedIOException if reading fails
     */
    public static History parse(Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text.toString());
    }
}
