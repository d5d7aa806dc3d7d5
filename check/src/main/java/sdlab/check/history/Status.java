package sdlab.check.history;

/** How an operation ended, as far as a checker is concerned. */
public enum Status {
    /** It took effect and its output is known. */
    OK,
    /** It certainly did not take effect; checkers drop it. */
    FAIL,
    /**
     * It may have taken effect at any moment after its invocation, or never: an {@code info}
     * completion, or an invocation that never completed.
     */
    UNKNOWN
}
