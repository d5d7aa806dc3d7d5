package sdlab.check.linear;

/** Counts the steps of one check against its {@link CheckLimits}; shared by its partitions. */
final class Budget {
    /** The clock is read once per this many steps: reading it costs more than a step. */
    private static final int CLOCK_EVERY_STEPS = 1 << 12;

    private final CheckLimits limits;
    private long steps;
    private long bytesCarried;
    private String exhausted;

    Budget(CheckLimits limits) {
        this.limits = limits;
    }

    /** Takes one step; false once a limit is reached (then {@link #reason} says which). */
    boolean step() {
        steps++;
        if (steps > limits.stepsMax()) {
            exhausted = "step limit of " + limits.stepsMax() + " reached";
            return false;
        }
        if (limits.clockNanos() != null
                && (steps & (CLOCK_EVERY_STEPS - 1)) == 0
                && limits.clockNanos().getAsLong() > limits.deadlineNanos()) {
            exhausted = "time limit reached after " + steps + " steps";
            return false;
        }
        return true;
    }

    /** Sets the bytes held between searches (configurations carried from segment to segment). */
    void carrying(long bytes) {
        bytesCarried = bytes;
    }

    /** False once {@code bytes} held by a search, with those carried, exceed the memory bound. */
    boolean fits(long bytes) {
        if (bytes + bytesCarried > limits.memoryBytesMax()) {
            exhausted = "memory limit of " + limits.memoryBytesMax() / (1024 * 1024) + " MiB reached after " + steps
                    + " steps";
            return false;
        }
        return true;
    }

    long steps() {
        return steps;
    }

    String reason() {
        return exhausted;
    }
}
