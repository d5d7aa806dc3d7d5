package sdlab.coord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.Models;
import sdlab.coord.client.CoordKvClient;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Three replicated coordination servers in the simulator, with clients writing znodes and
 * reading them after a sync, under crashes (before and after syncs, torn writes) and partitions:
 * the history must be linearizable, since writes go through the Raft log and a sync makes the
 * server catch up first. The same seed gives the same run.
 */
class ReplicatedCoordSimulationTest {
    private static final List<NodeId> SERVERS = List.of(NodeId.of("z1"), NodeId.of("z2"), NodeId.of("z3"));
    private static final Duration FAULT_HORIZON = Duration.ofSeconds(3);

    static ReplicaConfig config() {
        return ReplicaConfig.defaults().withTickTimeMs(200).withContainerCheckMs(1_000);
    }

    static SimResult run(long seed, FaultPlan faults, OperationGenerator operations, int opsPerClient) {
        return run(seed, faults, operations, opsPerClient, Duration.ofMillis(10));
    }

    /** A run whose links take 1 ms to {@code latencyMax}, uniformly. */
    static SimResult run(
            long seed, FaultPlan faults, OperationGenerator operations, int opsPerClient, Duration latencyMax) {
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), latencyMax)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .withTornWrites(true))
                .faults(faults)
                .workload(Workload.closedLoop(
                        clients(), operations, opsPerClient, Latency.uniform(Duration.ZERO, Duration.ofMillis(40))));
        SERVERS.forEach(server -> builder.addNode(server, id -> new CoordReplica(id, SERVERS, config())));
        for (int i = 0; i < clients().size(); i++) {
            builder.addClient(clients().get(i), new CoordKvClient(SERVERS, i, Duration.ofMillis(1_500)));
        }
        return builder.build().run(Duration.ofMinutes(2));
    }

    static List<NodeId> clients() {
        return List.of(NodeId.of("c1"), NodeId.of("c2"), NodeId.of("c3"));
    }

    /** Writes of values unique in the run, and reads after a sync, on two keys. */
    static OperationGenerator writesAndSyncedReads(String readKind) {
        Map<Integer, Long> written = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(2);
            if (random.nextBoolean()) {
                return new OperationGenerator.Operation(readKind, key, null);
            }
            long value = (process + 1) * 1_000_000L + written.merge(process, 1L, Long::sum);
            return new OperationGenerator.Operation("write", key, value);
        };
    }

    static FaultPlan faults(long seed) {
        FaultMix everything = new FaultMix(true, true, true, true, false, 6, Duration.ofMillis(800));
        return FaultPlan.random(everything, SERVERS, FAULT_HORIZON, new SplittableRandom(seed));
    }

    static Verdict linearizable(History history) {
        return Linearizability.check(history, Models.register(), CheckLimits.steps(5_000_000))
                .verdict();
    }

    @Test
    void withoutFaultsEveryOperationSucceedsAndTheHistoryIsLinearizable() {
        SimResult result = run(1, FaultPlan.none(), writesAndSyncedReads("read"), 40);
        assertThat(count(result.history(), OpType.OK)).isEqualTo(3 * 40);
        assertThat(linearizable(result.history())).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void underCrashesAndPartitionsSyncedReadsStayLinearizable(long seed) {
        SimResult result = run(seed, faults(seed), writesAndSyncedReads("read"), 40);
        assertThat(count(result.history(), OpType.OK))
                .as("operations that succeeded")
                .isGreaterThan(20);
        assertThat(linearizable(result.history())).as("seed %d", seed).isEqualTo(Verdict.VALID);
    }

    /**
     * Reads without a sync are answered by whichever server the client is connected to: with links
     * that take 1-40 ms, some run catches one that has not applied a write that completed (at
     * another server) before the read began. (This is also the test that the checker above can fail.)
     */
    @Test
    void readsWithoutSyncAreSometimesStale() {
        List<Long> staleSeeds = new ArrayList<>();
        for (long seed = 1; seed <= 30 && staleSeeds.isEmpty(); seed++) {
            SimResult result = run(seed, faults(seed), writesAndSyncedReads("stale-read"), 40, Duration.ofMillis(40));
            History asReads = History.of(result.history().ops().stream()
                    .map(op -> "stale-read".equals(op.f())
                            ? new Op(op.process(), op.type(), "read", op.key(), op.value(), op.timeNanos(), op.error())
                            : op)
                    .toList());
            if (linearizable(asReads) == Verdict.INVALID) {
                staleSeeds.add(seed);
            }
        }
        assertThat(staleSeeds).as("seeds with a stale read").isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        List<Long> hashes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            hashes.add(run(5, faults(5), writesAndSyncedReads("read"), 20).traceHash());
        }
        assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
    }

    private static long count(History history, OpType type) {
        return history.ops().stream().filter(op -> op.type() == type).count();
    }
}
