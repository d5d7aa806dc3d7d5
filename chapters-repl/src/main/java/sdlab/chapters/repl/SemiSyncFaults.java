package sdlab.chapters.repl;

import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import sdlab.lab.ParamValues;
import sdlab.sim.FaultPlan;
import sdlab.sim.Partition;

/**
 * The faults of one seed, drawn from the seed alone so that every variant meets the same ones: the primary crashes
 * for good; on some seeds the replicas lose power at the same moment (and come back with only what they had
 * synced); on some seeds the primary is cut off from both replicas around the crash, which is what makes semi-sync
 * wait and time out.
 *
 * @param crashAtNanos when the primary (and, with power loss, the replicas) crash
 * @param powerLoss whether the replicas crash too
 * @param cutAtNanos when the cut starts, or -1 without one
 * @param cutNanos how long the cut lasts (0 without one)
 */
record SemiSyncFaults(long crashAtNanos, boolean powerLoss, long cutAtNanos, long cutNanos) {
    private static final long SALT = 0x2545F4914F6CDD1DL;
    /** Replicas that lose power are down this long. */
    static final Duration REPLICA_DOWN = Duration.ofMillis(200);
    /** A cut never starts before this: the replicas must have caught up with the start first. */
    private static final long CUT_EARLIEST_NANOS = 200_000_000L;

    static SemiSyncFaults draw(ParamValues values, long seed) {
        // Multiplying by the golden ratio's constant first spreads consecutive seeds over the generator's state, so
        // that a small sweep (seeds 1..24) meets each kind of fault in about the share the parameters ask for.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ SALT);
        long earliest = values.get(SemiSyncParams.CRASH_EARLIEST).toNanos();
        long latest = Math.max(earliest, values.get(SemiSyncParams.CRASH_LATEST).toNanos());
        long crashAt = earliest + random.nextLong(latest - earliest + 1);
        boolean powerLoss = random.nextDouble() < values.get(SemiSyncParams.POWER_LOSS);
        boolean cut = random.nextDouble() < values.get(SemiSyncParams.CUT);
        long cutLength = values.get(SemiSyncParams.CUT_LENGTH).toNanos();
        long cutAt = crashAt - random.nextLong(cutLength * 3 / 2 + 1);
        if (!cut) {
            return new SemiSyncFaults(crashAt, powerLoss, -1, 0);
        }
        return new SemiSyncFaults(crashAt, powerLoss, Math.max(CUT_EARLIEST_NANOS, cutAt), cutLength);
    }

    boolean cut() {
        return cutAtNanos >= 0;
    }

    /** The first fault's time: commit latencies are measured before it (the steady state). */
    long firstFaultNanos() {
        return cut() ? Math.min(cutAtNanos, crashAtNanos) : crashAtNanos;
    }

    FaultPlan plan() {
        FaultPlan.Builder plan = FaultPlan.builder()
                .crash(Duration.ofNanos(crashAtNanos), SemiSyncScenario.PRIMARY, Duration.ofHours(24));
        if (powerLoss) {
            for (var replica : SemiSyncScenario.REPLICAS) {
                plan.crash(Duration.ofNanos(crashAtNanos), replica, REPLICA_DOWN);
            }
        }
        if (cut()) {
            plan.partition(
                    Duration.ofNanos(cutAtNanos),
                    Duration.ofNanos(cutNanos),
                    Partition.between(Set.of(SemiSyncScenario.PRIMARY), Set.copyOf(SemiSyncScenario.REPLICAS)));
        }
        return plan.build();
    }

    String describe() {
        return "primary crash at %.3f s%s%s"
                .formatted(
                        crashAtNanos / 1e9,
                        powerLoss ? ", replicas lose power with it" : "",
                        cut()
                                ? ", replicas cut off from %.3f s for %d ms"
                                        .formatted(cutAtNanos / 1e9, cutNanos / 1_000_000)
                                : "");
    }
}
