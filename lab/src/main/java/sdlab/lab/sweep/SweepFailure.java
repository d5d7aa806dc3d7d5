package sdlab.lab.sweep;

/** An experiment's code threw while running a seed or checking a claim: a bug in the experiment, not bad input. */
public final class SweepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long seed;

    SweepFailure(long seed, String what, Throwable cause) {
        super(what + " threw on seed " + seed + ": " + cause, cause);
        this.seed = seed;
    }

    /** The seed to replay to see the failure again. */
    public long seed() {
        return seed;
    }
}
