package sdlab.check;

/** A checker's answer. The command line maps it to its exit code: 0, 1 and 2. */
public enum Verdict {
    /** The history has the property. */
    VALID,
    /** The history certainly violates the property. */
    INVALID,
    /** The checker gave up (a step, time or memory limit) or could not decide; never a guess. */
    UNKNOWN;

    /**
     * The exit code of {@code sdlab check}, the convention Maelstrom uses: 0 valid, 1 invalid, 2
     * unknown (bad input also exits with 2).
     */
    public int exitCode() {
        return switch (this) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }

    /** The combined verdict of several checks: invalid beats unknown beats valid. */
    public Verdict and(Verdict other) {
        if (this == INVALID || other == INVALID) {
            return INVALID;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
    }
}
