package sdlab.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Which kinds of fault a random plan may draw, and how many and how long at most. In the
 * spirit of swarm testing, {@link FaultPlan#random} switches a random subset of the allowed
 * kinds on for each seed, so that some runs see only crashes, some only partitions, and so on;
 * runs with fewer kinds of fault reach states that a uniform mix of everything rarely does.
 *
 * @param partitions symmetric, one-way, majority/minority and isolate-one partitions
 * @param crashes crash and restart of a node (unsynced disk writes lost)
 * @param pauses GC-like stalls of a node
 * @param clogs single directed links that deliver nothing for a while
 * @param skew clock offsets and drift
 * @param faultsPerRunMax the most faults one plan holds (at least one is drawn if any kind is on)
 * @param faultLengthMax the longest any one fault lasts
 */
public record FaultMix(
        boolean partitions,
        boolean crashes,
        boolean pauses,
        boolean clogs,
        boolean skew,
        int faultsPerRunMax,
        Duration faultLengthMax) {

    public FaultMix {
        if (faultsPerRunMax < 0 || faultsPerRunMax > 10_000) {
            throw new IllegalArgumentException("faultsPerRunMax must be in [0, 10000], got " + faultsPerRunMax);
        }
        Objects.requireNonNull(faultLengthMax, "faultLengthMax");
        if (faultLengthMax.isNegative() || faultLengthMax.isZero()) {
            throw new IllegalArgumentException("faultLengthMax must be positive, got " + faultLengthMax);
        }
    }

    /** Every kind allowed, at most 4 faults of at most 2 s each. */
    public static FaultMix standard() {
        return new FaultMix(true, true, true, true, true, 4, Duration.ofSeconds(2));
    }

    /** No kind allowed: random plans from it are empty. */
    public static FaultMix nothing() {
        return new FaultMix(false, false, false, false, false, 0, Duration.ofSeconds(1));
    }

    public FaultMix withFaultsPerRunMax(int max) {
        return new FaultMix(partitions, crashes, pauses, clogs, skew, max, faultLengthMax);
    }

    public FaultMix withFaultLengthMax(Duration max) {
        return new FaultMix(partitions, crashes, pauses, clogs, skew, faultsPerRunMax, max);
    }
}
