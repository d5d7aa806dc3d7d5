package sdlab.lab;

/**
 * A parameter value a user gave is malformed, out of range or inconsistent with another. The message is one line
 * that says what was wrong and what is allowed, for example {@code --r must be an integer from 1 to 9, got 'x'}.
 */
public final class ParamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParamException(String message) {
        super(message);
    }
}
