package sdlab.check.history;

/**
 * One client operation: an invocation paired with how it ended. Real-time order is the order
 * of the history's lines: this operation precedes another if it completed at an earlier
 * position than the other was invoked at.
 *
 * @param id the operation's number, 0-based in order of invocation
 * @param process the client process that ran it
 * @param f the operation's name ("read", "write", "cas", "get", ...)
 * @param key the key for key-value histories, or null
 * @param input the invocation's value (the argument)
 * @param output the completion's value (what a read returned); null when unknown or failed
 * @param status ok, fail or unknown
 * @param invokeIndex the position of the invocation in the history
 * @param completeIndex the position of the completion, or {@link #NEVER} when unknown
 * @param invokeTimeNanos the invocation's time stamp (0 when the history has none)
 * @param completeTimeNanos the completion's time stamp, or {@link Long#MAX_VALUE} when unknown
 * @param error the reason given for a failure or an unknown outcome, or null
 */
public record Operation(
        int id,
        int process,
        String f,
        String key,
        Object input,
        Object output,
        Status status,
        int invokeIndex,
        int completeIndex,
        long invokeTimeNanos,
        long completeTimeNanos,
        String error) {

    /** The completion position of an operation whose outcome is unknown: after everything. */
    public static final int NEVER = Integer.MAX_VALUE;

    public Operation {
        assert f != null && status != null;
        assert completeIndex > invokeIndex : "an operation completes after it is invoked";
        assert status != Status.UNKNOWN || completeIndex == NEVER : "unknown operations never complete";
    }

    /** This operation with another id. */
    Operation withId(int newId) {
        return new Operation(
                newId,
                process,
                f,
                key,
                input,
                output,
                status,
                invokeIndex,
                completeIndex,
                invokeTimeNanos,
                completeTimeNanos,
                error);
    }

    /** True if this operation completed before {@code other} was invoked. */
    public boolean precedes(Operation other) {
        return completeIndex < other.invokeIndex;
    }

    /** True if neither operation precedes the other. */
    public boolean concurrentWith(Operation other) {
        return !precedes(other) && !other.precedes(this);
    }
}
