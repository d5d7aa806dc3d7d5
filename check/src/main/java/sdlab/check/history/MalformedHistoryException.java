package sdlab.check.history;

/**
 * A history that cannot be read or makes no sense (a completion without an invocation, an
 * unknown operation type, a syntax error). The message names the line and says what was
 * expected; it is meant for the user, so the CLI prints it without a stack trace.
 */
public final class MalformedHistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /** A problem at the 1-based {@code lineNumber}, or 0 when the problem has no line. */
    public MalformedHistoryException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line of the problem, or 0 when it has none. */
    public int lineNumber() {
        return lineNumber;
    }
}
