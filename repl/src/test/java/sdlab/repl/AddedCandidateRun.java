package sdlab.repl;

import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A store that grows while it runs and then loses its primary: p replicates semi-synchronously (AFTER_SYNC, one
 * acknowledgement, no fallback within the run) to r1 and r2; a failover manager writes a heartbeat through p every
 * 20 ms and, at the start, waits for 2 answers (2 replicas, 1 acknowledgement: 2 - 1 + 1). After about 50 ms an
 * operator adds r3, which registers with the manager and joins p from a snapshot, while two clients write unique values to 20 keys.
 * Then a {@link Scenario} cuts links and p crashes for good; the manager promotes someone, and the run says who and
 * which acknowledged writes the new primary lacks.
 */
final class AddedCandidateRun {
    static final NodeId R3 = NodeId.of("r3");
    static final NodeId MANAGER = NodeId.of("manager");
    static final int ANSWERS_MIN_AT_START = 2;

    private static final List<NodeId> WRITERS = List.of(ReplWorld.client(0), ReplWorld.client(1));
    private static final NodeId OPERATOR = ReplWorld.client(2);
    private static final int KEYS = 20;
    private static final int OPERATOR_IDLE_OPS = 25;
    /** 1 KiB pages in chunks of 8 over a 10 MB/s link: the 20 keys' snapshot crosses in about 2 ms. */
    private static final ReadReplicaSettings READ_SIDE = new ReadReplicaSettings(false, 1_024, 8, 10_000_000, 0, 0, 1);
    /** The same at 10 kB/s: the snapshot takes about 2 s, so r3 is still loading when p crashes. */
    private static final ReadReplicaSettings SLOW_LINK = new ReadReplicaSettings(false, 1_024, 8, 10_000, 0, 0, 1);
    /** The same at 100 kB/s: the snapshot takes about 200 ms, in 3 chunks of about 80 ms each. */
    private static final ReadReplicaSettings MEDIUM_LINK = new ReadReplicaSettings(false, 1_024, 8, 100_000, 0, 0, 1);

    /** What happens after the join. */
    enum Scenario {
        /** p loses r1 and r2 at 200 ms, so only r3 acknowledges commits; p crashes at 300 ms. */
        ONLY_ADDED_ACKNOWLEDGES,
        /** As above, and r3 cannot reach the manager from 250 ms to 750 ms: only r1 and r2 answer at first. */
        ONLY_ADDED_ACKNOWLEDGES_AND_IS_SLOW_TO_ANSWER,
        /** p loses r3 at 150 ms, so r3 falls behind while r1 and r2 acknowledge; p crashes at 300 ms. */
        ADDED_FALLS_BEHIND,
        /** r3's snapshot crosses a slow link; p crashes at 100 ms, while r3 is still loading. */
        ADDED_STILL_LOADING,
        /** p stays up; r3 loses power at {@link #RESTART_AT_NANOS} and is back 50 ms later. */
        ADDED_RESTARTS,
        /**
         * p loses r1 and r2 at 200 ms for the rest of the run, so only r3 can acknowledge; p loses power at {@link
         * #PRIMARY_RESTART_AT_NANOS} and is back {@link #PRIMARY_DOWN_NANOS} later, too soon for a failover.
         */
        PRIMARY_RESTARTS,
        /**
         * r3's snapshot crosses a 100 kB/s link (about 200 ms); p crashes for good at {@link #PRIMARY_DIES_AT_NANOS},
         * while r3 is loading, and the manager promotes r1 or r2.
         */
        PRIMARY_DIES_WHILE_JOINING,
        /**
         * As above, but p loses power for {@link #PRIMARY_DOWN_NANOS} only, too short for a failover: it comes back
         * without the transfer it was sending, and r3, hearing no more chunks, must ask it again. The run lasts
         * {@link #LONG_RUN}, since r3 waits a chunk's time and a second before it asks.
         */
        PRIMARY_RESTARTS_WHILE_JOINING
    }

    static final long RESTART_AT_NANOS = 800 * MS;
    static final long RESTART_DOWN_NANOS = 50 * MS;
    static final long PRIMARY_RESTART_AT_NANOS = 500 * MS;
    /** Less than the manager's 3 failed checks 20 ms apart: p is back before anyone is promoted. */
    static final long PRIMARY_DOWN_NANOS = 10 * MS;

    static final long PRIMARY_DIES_AT_NANOS = 100 * MS;
    static final Duration LONG_RUN = Duration.ofMillis(2_500);

    /** What the run came to. */
    record Outcome(
            SimResult result,
            Simulation simulation,
            List<Operation> ops,
            Recorder recorder,
            Optional<JoinOperator.Joined> joined) {

        /** The store node that is primary at the end, if any replica was promoted. */
        Optional<NodeId> promoted() {
            return List.of(R1, R2, R3).stream()
                    .filter(id -> node(id).isPrimary())
                    .findFirst();
        }

        FailoverManager manager() {
            return (FailoverManager) simulation.node(MANAGER).orElseThrow();
        }

        ReplNode node(NodeId id) {
            return (ReplNode) simulation.node(id).orElseThrow();
        }

        /**
         * Values whose write was acknowledged to its client and whose entry the new primary does not hold: not at its
         * position in its log, nor below the snapshot it started from. Empty if no one was promoted.
         */
        Set<String> lostAcknowledged() {
            Optional<NodeId> primary = promoted();
            if (primary.isEmpty()) {
                return Set.of();
            }
            ReplNode survivor = node(primary.get());
            Map<Long, String> held = new HashMap<>();
            survivor.log().forEach(entry -> held.put(entry.position(), entry.value()));
            return ops.stream()
                    .filter(op -> op.f().equals(ReplClient.WRITE) && op.status() == Status.OK)
                    .map(op -> (String) op.output())
                    .filter(value -> {
                        Entry entry = recorder.commitsByValue.get(value).entry();
                        return entry.position() > survivor.basePosition() && !value.equals(held.get(entry.position()));
                    })
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private AddedCandidateRun() {}

    static Outcome run(long seed, Scenario scenario, Bug bug) {
        ReplConfig config = ReplConfig.defaults(P, List.of(R1, R2))
                .semiSync(WaitPoint.AFTER_SYNC)
                .withTimeoutNanosSemiSync(10_000 * MS)
                .withBug(bug);
        Recorder recorder = new Recorder();
        // Every store node sends snapshots over the same link: after a failover, r3 may join the promoted one.
        ReadReplicaSettings link =
                switch (scenario) {
                    case ADDED_STILL_LOADING -> SLOW_LINK;
                    case PRIMARY_DIES_WHILE_JOINING, PRIMARY_RESTARTS_WHILE_JOINING -> MEDIUM_LINK;
                    default -> READ_SIDE;
                };
        FailoverManager.Settings manager = new FailoverManager.Settings(
                P, List.of(P, R1, R2), WRITERS, new HealthCheck.Query(), 20 * MS, 3, 100 * MS, ANSWERS_MIN_AT_START);
        JoinOperator.Settings join = new JoinOperator.Settings(R3, List.of(P, R1, R2), 5 * MS, 5_000 * MS, MANAGER);
        // ReplWorld's jittery network and disks, with nodes that can send and load snapshots.
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))))
                .addNode(P, any -> new ReplNode(config, recorder, null, link))
                .addNode(R1, any -> new ReplNode(config, recorder, null, link))
                .addNode(R2, any -> new ReplNode(config, recorder, null, link))
                .addNode(R3, any -> new ReplNode(config, recorder, null, link.joiningLate()))
                .addNode(MANAGER, any -> new FailoverManager(manager, 0, bug))
                .addClient(OPERATOR, new JoinOperator(join))
                .faults(faults(scenario))
                .workload(
                        Workload.closedLoop(clients(), generator(), 2_000, Latency.exponential(Duration.ofMillis(2))));
        for (NodeId writer : WRITERS) {
            builder.addClient(writer, new ReplClient(ReplClient.Settings.atPrimary(P, 50 * MS)));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(
                scenario == Scenario.PRIMARY_RESTARTS_WHILE_JOINING ? LONG_RUN : Duration.ofMillis(1_500));
        List<Operation> ops = Operations.of(result.history());
        Optional<JoinOperator.Joined> joined = ops.stream()
                .filter(op -> op.f().equals(JoinOperator.JOIN) && op.status() == Status.OK)
                .map(op -> (JoinOperator.Joined) op.output())
                .findFirst();
        return new Outcome(result, simulation, ops, recorder, joined);
    }

    private static FaultPlan faults(Scenario scenario) {
        FaultPlan.Builder faults = FaultPlan.builder();
        switch (scenario) {
            case ADDED_RESTARTS -> {}
            case PRIMARY_RESTARTS ->
                faults.crash(Duration.ofNanos(PRIMARY_RESTART_AT_NANOS), P, Duration.ofNanos(PRIMARY_DOWN_NANOS));
            case ADDED_STILL_LOADING -> faults.crash(Duration.ofMillis(100), P, Duration.ofHours(1));
            case PRIMARY_DIES_WHILE_JOINING ->
                faults.crash(Duration.ofNanos(PRIMARY_DIES_AT_NANOS), P, Duration.ofHours(1));
            case PRIMARY_RESTARTS_WHILE_JOINING ->
                faults.crash(Duration.ofNanos(PRIMARY_DIES_AT_NANOS), P, Duration.ofNanos(PRIMARY_DOWN_NANOS));
            default -> faults.crash(Duration.ofMillis(300), P, Duration.ofHours(1));
        }
        switch (scenario) {
            case ONLY_ADDED_ACKNOWLEDGES -> cutReplicasFromPrimary(faults);
            case ONLY_ADDED_ACKNOWLEDGES_AND_IS_SLOW_TO_ANSWER -> {
                cutReplicasFromPrimary(faults);
                faults.partition(
                        Duration.ofMillis(250), Duration.ofMillis(500), Partition.between(Set.of(R3), Set.of(MANAGER)));
            }
            case ADDED_FALLS_BEHIND ->
                faults.partition(
                        Duration.ofMillis(150), Duration.ofMillis(200), Partition.between(Set.of(P), Set.of(R3)));
            case ADDED_STILL_LOADING, PRIMARY_DIES_WHILE_JOINING, PRIMARY_RESTARTS_WHILE_JOINING -> {}
            case PRIMARY_RESTARTS ->
                faults.partition(
                        Duration.ofMillis(200), Duration.ofMillis(1_300), Partition.between(Set.of(P), Set.of(R1, R2)));
            case ADDED_RESTARTS ->
                faults.crash(Duration.ofNanos(RESTART_AT_NANOS), R3, Duration.ofNanos(RESTART_DOWN_NANOS));
        }
        return faults.build();
    }

    private static void cutReplicasFromPrimary(FaultPlan.Builder faults) {
        faults.partition(Duration.ofMillis(200), Duration.ofMillis(200), Partition.between(Set.of(P), Set.of(R1, R2)));
    }

    private static List<NodeId> clients() {
        return List.of(WRITERS.get(0), WRITERS.get(1), OPERATOR);
    }

    /**
     * The writers write unique values ("w{process}-{n}"). The operator idles first: it refuses anything but a join at
     * once, so {@value #OPERATOR_IDLE_OPS} idle operations, 2 ms apart on average, let the log grow for about 50 ms
     * before the join, and the snapshot holds writes. Then it runs its one join (and refuses the rest).
     */
    private static OperationGenerator generator() {
        Map<Integer, Integer> counts = new HashMap<>();
        return (process, random) -> {
            int n = counts.merge(process, 1, Integer::sum);
            if (process == WRITERS.size()) {
                String f = n <= OPERATOR_IDLE_OPS ? "idle" : JoinOperator.JOIN;
                return new OperationGenerator.Operation(f, null, null);
            }
            return new OperationGenerator.Operation(
                    ReplClient.WRITE, "k" + random.nextInt(KEYS), "w" + process + "-" + n);
        };
    }
}
