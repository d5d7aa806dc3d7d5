package sdlab.repl;

import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.OPERATOR;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;
import static sdlab.repl.ReplWorld.REPLICAS;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A write loop, a crash of the primary for good at a moment drawn from the seed (200 to 400 ms), and the operator's
 * failover to the most advanced replica. Two clients write unique values, two read on the primary. With power
 * loss, both replicas crash at the same moment and come back after 100 ms with only what they had synced. With a cut,
 * the primary loses its replicas 50 ms before it crashes.
 */
final class CrashRun {
    private static final List<NodeId> CLIENTS =
            IntStream.range(0, 4).mapToObj(ReplWorld::client).toList();
    private static final int WRITERS = 2;

    /** What survived. */
    record Outcome(
            SimResult result, Set<String> acknowledged, Set<String> kept, List<Operation> reads, Recorder recorder) {
        /** Writes whose client heard "ok" and that the new primary's log does not hold. */
        Set<String> lost() {
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(kept);
            return lost;
        }

        /** Reads that returned a value the new primary's log does not hold. */
        List<Operation> phantomReads() {
            return reads.stream()
                    .filter(r -> r.output() != null && !kept.contains((String) r.output()))
                    .toList();
        }
    }

    private CrashRun() {}

    static Outcome run(long seed, ReplConfig config, boolean powerLoss, boolean cutFirst) {
        Recorder recorder = new Recorder();
        Duration crashAt = Duration.ofMillis(200 + new SplittableRandom(seed).nextLong(201));
        FaultPlan.Builder faults = FaultPlan.builder().crash(crashAt, P, Duration.ofHours(1));
        if (powerLoss) {
            faults.crash(crashAt, R1, Duration.ofMillis(100)).crash(crashAt, R2, Duration.ofMillis(100));
        }
        if (cutFirst) {
            faults.partition(
                    crashAt.minusMillis(50), Duration.ofMillis(60), Partition.between(Set.of(P), Set.copyOf(REPLICAS)));
        }
        Simulation.Builder builder = ReplWorld.jittery(seed, config, recorder)
                .addNode(
                        OPERATOR,
                        any -> new FailoverOperator(
                                new FailoverOperator.Settings(P, REPLICAS, CLIENTS, 20 * MS, 3, 200 * MS)))
                .faults(faults.build())
                .workload(Workload.closedLoop(
                        CLIENTS,
                        ReplWorld.writesAndReads(WRITERS, 3),
                        100_000,
                        Latency.exponential(Duration.ofMillis(2))));
        for (NodeId client : CLIENTS) {
            builder.addClient(client, new ReplClient(ReplClient.Settings.atPrimary(P, 50 * MS)));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofMillis(1200));
        ReplNode primary = List.of(R1, R2).stream()
                .map(id -> (ReplNode) simulation.node(id).orElseThrow())
                .filter(ReplNode::isPrimary)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no replica was promoted (seed " + seed + ")"));
        Set<String> kept = new HashSet<>();
        primary.log().forEach(entry -> kept.add(entry.value()));
        Set<String> acknowledged = new HashSet<>();
        List<Operation> ops = Operations.of(result.history());
        ops.stream()
                .filter(o -> o.f().equals(ReplClient.WRITE) && o.status() == Status.OK)
                .forEach(o -> acknowledged.add((String) o.output()));
        List<Operation> reads = ops.stream()
                .filter(o -> o.f().equals(ReplClient.READ) && o.status() == Status.OK)
                .toList();
        return new Outcome(result, acknowledged, kept, reads, recorder);
    }
}
