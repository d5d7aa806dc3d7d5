package sdlab.check.history;

/** The history formats {@link HistoryParser} reads. */
public enum HistoryFormat {
    /** A JSON array of entry objects, or JSON lines (one object per line). */
    JSON,
    /** Jepsen's and Knossos's EDN: a vector or list of operation maps, or one map per line. */
    EDN,
    /** Jepsen log lines: {@code INFO jepsen.util - 3 :invoke :cas [1 4]}. */
    JEPSEN_LOG;

    /**
     * Recognises the format from the text's first characters, after blanks and {@code ;} comment
     * lines: a list, a tagged value or an object or array of objects whose first key is a keyword
     * is EDN, one whose first key is a string is JSON, and text mentioning {@code jepsen.util - }
     * is a log. Empty text is an empty JSON history.
     *
     * @throws MalformedHistoryException if the text is none of these
     */
    public static HistoryFormat detect(String text) {
        int at = firstForm(text);
        String start = text.substring(at, Math.min(text.length(), at + 256));
        if (start.isEmpty()) {
            return JSON;
        }
        if (start.startsWith("(") || start.startsWith("#")) {
            return EDN;
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            String inner = start.substring(1).stripLeading();
            if (inner.startsWith("[") || inner.startsWith("{") || inner.startsWith("(")) {
                inner = inner.substring(1).stripLeading();
            }
            if (inner.startsWith(":") || inner.startsWith("#") || inner.startsWith(";")) {
                return EDN;
            }
            if (inner.startsWith("\"") || inner.startsWith("]") || inner.startsWith("}")) {
                return JSON;
            }
        }
        if (text.contains("jepsen.util - ")) {
            return JEPSEN_LOG;
        }
        int line =
                1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        throw new MalformedHistoryException(
                line,
                "expected a history: a JSON array or JSON lines of {\"process\": ...} objects, EDN maps"
                        + " {:process ...} (alone, in a vector or in a list), or Jepsen log lines"
                        + " 'INFO jepsen.util - 0 :invoke :read nil'");
    }

    /** Where the first form starts: after whitespace and {@code ;} comments. */
    private static int firstForm(String text) {
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ';') {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                break;
            }
        }
        return at;
    }
}
