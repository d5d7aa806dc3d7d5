package sdlab.chapters.repl.failover;

import static sdlab.chapters.repl.failover.FailoverCluster.LEASE;
import static sdlab.chapters.repl.failover.FailoverCluster.MANAGER;
import static sdlab.chapters.repl.failover.FailoverCluster.PRIMARY;
import static sdlab.chapters.repl.failover.FailoverCluster.R1;
import static sdlab.chapters.repl.failover.FailoverCluster.R2;
import static sdlab.chapters.repl.failover.FailoverCluster.port;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.sim.FaultPlan;
import sdlab.sim.Partition;

/**
 * The one fault of a seed, met by the first primary: drawn from the seed alone, so that every variant meets the same.
 *
 * @param kind what happens to the primary
 * @param atNanos when it starts
 * @param lengthNanos how long it lasts
 * @param slowSyncNanos for a slow disk, what each sync takes extra (0 otherwise)
 * @param driftPpm each node's clock rate error, within half the bound, in the order of {@link FailoverCluster#CLOCKS}
 */
record FailoverFaults(Kind kind, long atNanos, long lengthNanos, long slowSyncNanos, List<Double> driftPpm) {
    private static final long SALT = 0x5DEECE66DL;
    private static final long START_EARLIEST_NANOS = 1_000_000_000L;
    private static final long START_SPREAD_NANOS = 500_000_000L;
    /** A short pause: well below the manager's threshold, yet longer than one probe's wait. */
    private static final long SHORT_PAUSE_MIN_NANOS = 120_000_000L;

    private static final long SHORT_PAUSE_SPREAD_NANOS = 60_000_000L;
    /** A slow disk adds this much to every sync, at least, and up to twice as much. */
    private static final long SLOW_SYNC_MIN_NANOS = 80_000_000L;

    /** The faults, as chapter 12 names them. */
    enum Kind {
        /** The process dies (its port closes with it) and restarts when the fault ends. */
        CRASH,
        /** A stop-the-world pause longer than the manager's threshold: the port stays open. */
        LONG_PAUSE,
        /** A pause of about 150 ms, below the threshold: the primary is only slow. */
        SHORT_PAUSE,
        /** Every sync on the primary's disk hangs until the fault ends. */
        STUCK_DISK,
        /** Every sync on the primary's disk takes 80 to 160 ms longer: slow, not stopped. */
        SLOW_DISK,
        /** The manager alone is cut from the primary's host, both ways; clients and replicas still reach it. */
        MANAGER_CUT,
        /** Only the primary's messages to the manager are lost: the manager hears nothing, the primary hears it. */
        ONE_WAY_CUT,
        /**
         * The primary, r2 and half the clients on one side; the manager, the lease service, r1 and the other clients
         * on the other.
         */
        ZONE_SPLIT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the primary cannot commit while the fault lasts, though its port stays open. */
        boolean hangs() {
            return this == LONG_PAUSE || this == STUCK_DISK;
        }
    }

    static FailoverFaults draw(ParamValues values, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ SALT);
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        long at = START_EARLIEST_NANOS + random.nextLong(START_SPREAD_NANOS);
        long shortest = values.get(FailoverParams.FAULT_SHORTEST).toNanos();
        long longest =
                Math.max(shortest, values.get(FailoverParams.FAULT_LONGEST).toNanos());
        long length = kind == Kind.SHORT_PAUSE
                ? SHORT_PAUSE_MIN_NANOS + random.nextLong(SHORT_PAUSE_SPREAD_NANOS)
                : shortest + random.nextLong(longest - shortest + 1);
        long slow = kind == Kind.SLOW_DISK ? SLOW_SYNC_MIN_NANOS + random.nextLong(SLOW_SYNC_MIN_NANOS) : 0;
        double bound = values.get(FailoverParams.DRIFT_PPM);
        List<Double> drift = FailoverCluster.CLOCKS.stream()
                .map(any -> (random.nextDouble() - 0.5) * bound)
                .toList();
        return new FailoverFaults(kind, at, length, slow, drift);
    }

    long endNanos() {
        return atNanos + lengthNanos;
    }

    FaultPlan plan(int writers) {
        FaultPlan.Builder plan = FaultPlan.builder();
        Duration at = Duration.ofNanos(atNanos);
        Duration length = Duration.ofNanos(lengthNanos);
        switch (kind) {
            case CRASH -> plan.crash(at, PRIMARY, length).crash(at, port(PRIMARY), length);
            case LONG_PAUSE, SHORT_PAUSE -> plan.pause(at, PRIMARY, length);
            case STUCK_DISK, SLOW_DISK -> {} // the primary's disk wrapper does it: the simulator has no disk faults
            case MANAGER_CUT ->
                plan.partition(at, length, Partition.between(Set.of(MANAGER), Set.of(PRIMARY, port(PRIMARY))));
            case ONE_WAY_CUT ->
                plan.partition(at, length, Partition.oneWay(Set.of(PRIMARY, port(PRIMARY)), Set.of(MANAGER)));
            case ZONE_SPLIT -> plan.partition(at, length, zones(writers));
        }
        for (int i = 0; i < FailoverCluster.CLOCKS.size(); i++) {
            plan.clockSkew(FailoverCluster.CLOCKS.get(i), Duration.ZERO, driftPpm.get(i));
        }
        return plan.build();
    }

    private static Partition zones(int writers) {
        Set<NodeId> primarySide = new HashSet<>(Set.of(PRIMARY, port(PRIMARY), R2, port(R2)));
        Set<NodeId> managerSide = new HashSet<>(Set.of(MANAGER, LEASE, R1, port(R1)));
        List<NodeId> clients = FailoverCluster.clients(writers);
        for (int i = 0; i < clients.size(); i++) {
            (i % 2 == 0 ? primarySide : managerSide).add(clients.get(i));
        }
        return Partition.between(primarySide, managerSide);
    }

    String describe() {
        String text =
                "%s of the primary at %.3f s for %d ms".formatted(kind.label(), atNanos / 1e9, lengthNanos / 1_000_000);
        return slowSyncNanos > 0 ? text + ", each sync %d ms slower".formatted(slowSyncNanos / 1_000_000) : text;
    }
}
