package sdlab.cache;

/**
 * Thrown by a handler for bad input; carries the error reply to send. It is an expected
 * outcome, not a bug, so it has no stack trace.
 */
final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Reply.Error reply;

    CommandException(String errorText) {
        super(errorText, null, false, false);
        this.reply = new Reply.Error(errorText);
    }

    Reply.Error reply() {
        return reply;
    }
}
