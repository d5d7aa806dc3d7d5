package sdlab.chapters.cron;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.cron.CronScheduler;
import sdlab.lab.ParamValues;
import sdlab.sim.FaultPlan;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;
import sdlab.sim.Simulation;

/**
 * The faults of one seed, drawn from the seed alone so that every variant meets the same ones.
 * Leader faults are targeted, as Jepsen's nemeses are: at their time they strike whichever
 * scheduler holds the lease then, and they strike mid-run (within the work time after a slot),
 * where a leader change can split a run. Clock skew is set for the whole run.
 *
 * <p>Swarm style: each kind the parameters allow is switched on for a seed with probability
 * 0.6, so some seeds see one kind alone.
 */
final class CronFaults {
    private static final long SALT = 0x5DEECE66DL;
    private static final double KIND_ON = 0.6;
    private static final int EVENTS_PER_KIND_MAX = 2;
    private static final int SKEW_DRIFT_PPM_MAX = 2000;

    /** What happens to the leader at a time. */
    enum Kind {
        CRASH,
        PARTITION,
        PAUSE
    }

    /** One targeted fault: at {@code atNanos}, {@code kind} strikes the leader for {@code lengthNanos}. */
    record LeaderFault(Kind kind, long atNanos, long lengthNanos) {}

    /** A skewed clock for one scheduler. */
    record Skew(NodeId scheduler, long offsetNanos, double driftPpm) {}

    private final List<LeaderFault> leaderFaults;
    private final List<Skew> skews;

    CronFaults(List<LeaderFault> leaderFaults, List<Skew> skews) {
        this.leaderFaults = List.copyOf(leaderFaults);
        this.skews = List.copyOf(skews);
    }

    /** The seed's faults. */
    static CronFaults draw(ParamValues values, List<NodeId> schedulers, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        long period = values.get(CronParams.PERIOD).toNanos();
        long work = values.get(CronParams.WORK).toNanos();
        long lease = values.get(CronParams.LEASE).toNanos();
        int slots = values.get(CronParams.SLOTS);
        List<LeaderFault> faults = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (enabled(values, kind) && random.nextDouble() < KIND_ON) {
                int count = 1 + random.nextInt(EVENTS_PER_KIND_MAX);
                for (int i = 0; i < count; i++) {
                    long slot = 3 + random.nextInt(Math.max(1, slots - 8));
                    long at = slot * period + random.nextLong(work + 1);
                    long length = kind == Kind.PARTITION || kind == Kind.PAUSE
                            ? lease + random.nextLong(2 * lease)
                            : period / 2 + random.nextLong(3 * period);
                    faults.add(new LeaderFault(kind, at, length));
                }
            }
        }
        List<Skew> skews = new ArrayList<>();
        if (values.get(CronParams.SKEW) && random.nextDouble() < KIND_ON) {
            for (NodeId scheduler : schedulers) {
                if (random.nextBoolean()) {
                    long offset = random.nextLong(2 * lease + 1) - lease;
                    double drift = random.nextInt(2 * SKEW_DRIFT_PPM_MAX + 1) - SKEW_DRIFT_PPM_MAX;
                    skews.add(new Skew(scheduler, offset, drift));
                }
            }
        }
        return new CronFaults(faults, skews);
    }

    List<LeaderFault> leaderFaults() {
        return leaderFaults;
    }

    List<Skew> skews() {
        return skews;
    }

    /** Installs the faults in a run: skew in the plan, leader faults as timed actions. */
    void install(Simulation.Builder builder, List<NodeId> schedulers, List<NodeId> store) {
        FaultPlan.Builder plan = FaultPlan.builder();
        for (Skew skew : skews) {
            plan.clockSkew(skew.scheduler(), Duration.ofNanos(skew.offsetNanos()), skew.driftPpm());
        }
        builder.faults(plan.build());
        for (LeaderFault fault : leaderFaults) {
            builder.at(Duration.ofNanos(fault.atNanos()), control -> strike(fault, control, schedulers, store));
        }
    }

    private static void strike(LeaderFault fault, SimControl control, List<NodeId> schedulers, List<NodeId> store) {
        Optional<NodeId> leader = leader(control, schedulers);
        if (leader.isEmpty()) {
            control.note("nemesis: no leader to " + fault.kind().name().toLowerCase(Locale.ROOT) + " now");
            return;
        }
        Duration length = Duration.ofNanos(fault.lengthNanos());
        NodeId target = leader.get();
        control.note("nemesis: " + fault.kind().name().toLowerCase(Locale.ROOT) + " " + target + " for "
                + length.toMillis() + " ms");
        switch (fault.kind()) {
            case CRASH -> control.crash(target, length);
            case PAUSE -> control.pause(target, length);
            case PARTITION ->
                control.partition(Partition.between(new TreeSet<>(List.of(target)), new TreeSet<>(store)), length);
        }
    }

    /** The scheduler holding the lease, preferring one that is mid-run. */
    private static Optional<NodeId> leader(SimControl control, List<NodeId> schedulers) {
        NodeId holder = null;
        for (NodeId id : schedulers) {
            if (control.node(id).orElse(null) instanceof CronScheduler scheduler && scheduler.holdsLease()) {
                if (scheduler.running()) {
                    return Optional.of(id);
                }
                holder = holder == null ? id : holder;
            }
        }
        return Optional.ofNullable(holder);
    }

    private static boolean enabled(ParamValues values, Kind kind) {
        return switch (kind) {
            case CRASH -> values.get(CronParams.CRASHES);
            case PARTITION -> values.get(CronParams.PARTITIONS);
            case PAUSE -> values.get(CronParams.PAUSES);
        };
    }
}
