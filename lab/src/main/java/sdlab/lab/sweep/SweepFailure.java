package sdlab.lab.sweep;

/** An experiment's code threw while running a seed or checking a claim: a bug in the experiment, not bad input. */
public final class SweepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final String variant;

    SweepFailure(long seed, String variant, String what, Throwable cause) {
        super(what + " threw on seed " + seed + ": " + cause, cause);
        this.seed = seed;
        this.variant = variant;
    }

    /** The variant whose run threw, or for a claim that threw, the first variant it was given. */
    public String variant() {
        return variant;
    }

    /** The seed to replay to see the failure again. */
    public long seed() {
        return seed;
    }
}
