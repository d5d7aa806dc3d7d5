package sdlab.check.history;

/** The history formats {@link HistoryParser} reads. */
public enum HistoryFormat {
    /** A JSON array of entry objects, or JSON lines (one object per line). */
    JSON,
    /** Jepsen's EDN: a vector of entry maps, or one map per line. */
    EDN,
    /** Jepsen log lines: {@code INFO jepsen.util - 3 :invoke :cas [1 4]}. */
    JEPSEN_LOG;

    /**
     * Recognises the format from the text's first characters: an object or array of objects
     * whose first key is a string is JSON, one whose first key is a keyword is EDN, and text
     * mentioning {@code jepsen.util - } is a log. Empty text is an empty JSON history.
     *
     * @throws MalformedHistoryException if the text is none of these
     */
    public static HistoryFormat detect(String text) {
        String start = text.stripLeading();
        if (start.isEmpty()) {
            return JSON;
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            String inner = start.substring(1).stripLeading();
            if (inner.startsWith("[") || inner.startsWith("{")) {
                inner = inner.substring(1).stripLeading();
            }
            if (inner.startsWith(":")) {
                return EDN;
            }
            if (inner.startsWith("\"") || inner.startsWith("]") || inner.startsWith("}")) {
                return JSON;
            }
        }
        if (text.contains("jepsen.util - ")) {
            return JEPSEN_LOG;
        }
        int line = 1
                + (int) text.substring(0, text.length() - start.length())
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        throw new MalformedHistoryException(
                line,
                "expected a history: a JSON array or JSON lines of {\"process\": ...} objects, EDN maps"
                        + " {:process ...}, or Jepsen log lines 'INFO jepsen.util - 0 :invoke :read nil'");
    }
}
