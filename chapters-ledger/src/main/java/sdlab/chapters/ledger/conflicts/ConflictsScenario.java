package sdlab.chapters.ledger.conflicts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.ledger.profile.ProfileConfig;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.ledger.profile.ProfileReplica;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One simulated run of chapter 18: the replicas, every user's devices editing that user's profile concurrently and
 * then auditing, skewed replica clocks and partitions drawn from the seed alone, so every variant of a seed meets the
 * same faults at the same moments.
 */
final class ConflictsScenario {
    /** Think time between a device's operations, drawn uniformly from zero to this. */
    private static final Duration THINK_TIME_MAX = Duration.ofMillis(50);

    /** A rough span of one operation plus think time, to place the partitions among the edits. */
    private static final Duration OP_SPAN = Duration.ofMillis(30);

    private static final Duration PARTITION_LENGTH_MIN = Duration.ofMillis(100);
    private static final Duration PARTITION_LENGTH_MAX = Duration.ofMillis(500);

    static final int GOSSIP_INTERVAL_MS = 50;
    static final int REQUEST_TIMEOUT_MS = 100;
    static final int AUDIT_POLL_MS = 10;
    static final int AUDIT_WAIT_MS_MAX = 5_000;

    private static final double LATENCY_SIGMA = 0.5;

    /** Mixes the seed for the fault plan's generator, so it differs from the simulation's own. */
    private static final long FAULT_SEED_SALT = 0xC0FF11C7L;

    private ConflictsScenario() {}

    static List<NodeId> replicas(int count) {
        List<NodeId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(NodeId.of("r" + i));
        }
        return List.copyOf(ids);
    }

    static List<NodeId> devices(int users, int devicesPerUser) {
        List<NodeId> ids = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            for (int device = 0; device < devicesPerUser; device++) {
                ids.add(NodeId.of(ProfileEditGenerator.userKey(user) + "d" + device));
            }
        }
        return List.copyOf(ids);
    }

    static ProfileConfig config(ConflictsVariant variant, ParamValues values, ProfileConfig.Bug bug) {
        return new ProfileConfig(
                variant.handling(),
                replicas(values.get(ConflictsParams.REPLICAS)),
                GOSSIP_INTERVAL_MS,
                REQUEST_TIMEOUT_MS,
                AUDIT_POLL_MS,
                AUDIT_WAIT_MS_MAX,
                variant.listMerge(),
                bug);
    }

    static SimResult run(
            ConflictsVariant variant, ProfileConfig config, ParamValues values, long seed, RunOptions options) {
        int users = values.get(ConflictsParams.USERS);
        int devicesPerUser = values.get(ConflictsParams.DEVICES);
        int ops = values.get(ConflictsParams.OPS_PER_DEVICE);
        List<NodeId> devices = devices(users, devicesPerUser);
        ProfileEditGenerator generator = new ProfileEditGenerator(
                users,
                devicesPerUser,
                ops,
                values.get(ConflictsParams.VIEW_PERCENT),
                values.get(ConflictsParams.REMOVE_PERCENT));
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(ConflictsParams.LATENCY), LATENCY_SIGMA)))
                .faults(faultPlan(values, config.replicas(), devices, seed))
                .workload(Workload.closedLoop(
                        devices, generator, ops + 1, Latency.uniform(Duration.ZERO, THINK_TIME_MAX)))
                .recordTrace(options.recordTrace())
                .hashTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId replica : config.replicas()) {
            sim.addNode(replica, id -> new ProfileReplica(config));
        }
        for (int user = 0; user < users; user++) {
            RememberingUser person = new RememberingUser();
            for (int device = 0; device < devicesPerUser; device++) {
                sim.addClient(
                        devices.get(user * devicesPerUser + device),
                        new ProfileDevice(config, person, variant.firstReplica(user, device)));
            }
        }
        return sim.build().run(Duration.ofSeconds(60).plus(Duration.ofSeconds(1).multipliedBy(ops)));
    }

    /**
     * Each replica's clock off by up to the skew either way, and the partitions, each a replica cut from the other
     * replicas (its devices still reach it and keep writing there) or from everyone (its devices fail over).
     */
    static FaultPlan faultPlan(ParamValues values, List<NodeId> replicas, List<NodeId> devices, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ FAULT_SEED_SALT);
        FaultPlan.Builder plan = FaultPlan.builder();
        long skewNanosMax = values.get(ConflictsParams.CLOCK_SKEW_MAX).toNanos();
        if (skewNanosMax > 0) {
            for (NodeId replica : replicas) {
                plan.clockSkew(replica, Duration.ofNanos(random.nextLong(-skewNanosMax, skewNanosMax + 1)), 0);
            }
        }
        long horizonNanos =
                OP_SPAN.multipliedBy(values.get(ConflictsParams.OPS_PER_DEVICE)).toNanos();
        for (int i = 0; i < values.get(ConflictsParams.PARTITIONS); i++) {
            NodeId cut = replicas.get(random.nextInt(replicas.size()));
            Duration at = Duration.ofNanos(random.nextLong(horizonNanos + 1));
            Duration length = Duration.ofNanos(
                    random.nextLong(PARTITION_LENGTH_MIN.toNanos(), PARTITION_LENGTH_MAX.toNanos() + 1));
            TreeSet<NodeId> others = new TreeSet<>(replicas);
            others.remove(cut);
            if (random.nextBoolean()) {
                others.addAll(devices);
            }
            plan.partition(at, length, Partition.between(new TreeSet<>(List.of(cut)), others));
        }
        return plan.build();
    }
}
