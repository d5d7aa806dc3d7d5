package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.sim.Scenarios.C1;
import static sdlab.sim.Scenarios.C2;
import static sdlab.sim.Scenarios.N1;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

class WorkloadTest {

    private static final NodeId C3 = NodeId.of("c3");
    private static final OperationGenerator WRITES = (process, random) ->
            new OperationGenerator.Operation("write", "k" + random.nextInt(3), random.nextLong(1000));

    private static Simulation.Builder registerCluster(long seed, NetworkConfig network, List<NodeId> clients) {
        Simulation.Builder builder = Simulation.builder(seed).network(network).addNode(N1, id -> new RegisterNode());
        for (NodeId client : clients) {
            builder.addClient(client, new RegisterClient(N1, ms(100)));
        }
        return builder;
    }

    @Test
    void closedLoopRunsExactlyOpsPerProcessOneAtATime() {
        // Three processes, 50 operations each: every process alternates invoke and completion, 50 times.
        List<NodeId> clients = List.of(C1, C2, C3);
        SimResult result = registerCluster(1, NetworkConfig.reliable(Latency.uniform(ms(1), ms(4))), clients)
                .workload(Workload.closedLoop(clients, WRITES, 50, Latency.constant(Duration.ZERO)))
                .build()
                .run(Duration.ofSeconds(60));

        assertThat(result.history().size()).isEqualTo(3 * 50 * 2);
        for (int process = 0; process < 3; process++) {
            int p = process;
            List<OpType> types = result.history().ops().stream()
                    .filter(op -> op.process() == p)
                    .map(Op::type)
                    .toList();
            assertThat(types).hasSize(100);
            for (int i = 0; i < types.size(); i++) {
                assertThat(types.get(i)).isEqualTo(i % 2 == 0 ? OpType.INVOKE : OpType.OK);
            }
        }
    }

    @Test
    void closedLoopThinkTimeSeparatesACompletionFromTheNextInvocation() {
        // With a 10 ms think time, each process's next invoke comes exactly 10 ms after its last completion.
        SimResult result = registerCluster(2, NetworkConfig.reliable(Latency.constant(ms(1))), List.of(C1))
                .workload(Workload.closedLoop(List.of(C1), WRITES, 5, Latency.constant(ms(10))))
                .build()
                .run(Duration.ofSeconds(60));

        List<Long> times = result.history().ops().stream().map(Op::timeNanos).toList();
        assertThat(times)
                .containsExactly(
                        0L,
                        2_000_000L,
                        12_000_000L,
                        14_000_000L,
                        24_000_000L,
                        26_000_000L,
                        36_000_000L,
                        38_000_000L,
                        48_000_000L,
                        50_000_000L);
        assertThat(result.virtualTimeNanosEnd()).isEqualTo(50_000_000L);
    }

    @Test
    void theRunStopsWhenTheWorkloadIsDoneEvenIfNodesKeepBusy() {
        // A pinger would go on for 10 s, but the run ends with the workload's last completion.
        SimResult result = registerCluster(3, NetworkConfig.reliable(Latency.constant(ms(1))), List.of(C1))
                .addNode(NodeId.of("p"), id -> new PingerNode(N1, 10_000, ms(1), Scenarios.log()))
                .workload(Workload.closedLoop(List.of(C1), WRITES, 3, Latency.constant(Duration.ZERO)))
                .build()
                .run(Duration.ofSeconds(60));

        assertThat(result.virtualTimeNanosEnd()).isEqualTo(6_000_000L);
    }

    @Test
    void openLoopArrivalRateIsRoughlyAsConfigured() {
        // 1000 operations per second for 2 s on a fast server: about 2000 invocations (within 6%).
        List<NodeId> clients = List.of(C1, C2, C3);
        SimResult result = registerCluster(
                        4, NetworkConfig.reliable(Latency.constant(Duration.ofNanos(100_000))), clients)
                .workload(Workload.openLoop(clients, WRITES, 1000, Duration.ofSeconds(2)))
                .build()
                .run(Duration.ofSeconds(60));

        long invokes = result.history().ops().stream()
                .filter(op -> op.type() == OpType.INVOKE)
                .count();
        assertThat(invokes).isBetween(1880L, 2120L);
        assertThat(result.stats().arrivalsShed()).isZero();
        assertThat(completionsMatchInvocations(result.history())).isTrue();
    }

    @Test
    void openLoopKeepsArrivingWhenTheSystemIsSlowAndShedsBeyondTheBacklog() {
        // One process, 100 ms round trips, 1000 arrivals/s for 1 s: 5 can wait, the rest are shed.
        SimResult result = registerCluster(5, NetworkConfig.reliable(Latency.constant(ms(50))), List.of(C1))
                .workload(Workload.openLoop(List.of(C1), WRITES, 1000, Duration.ofSeconds(1))
                        .withBacklogMax(5))
                .build()
                .run(Duration.ofSeconds(60));

        long invokes = result.history().ops().stream()
                .filter(op -> op.type() == OpType.INVOKE)
                .count();
        assertThat(invokes + result.stats().arrivalsShed()).isBetween(900L, 1100L);
        assertThat(invokes).isBetween(10L, 20L);
        assertThat(completionsMatchInvocations(result.history())).isTrue();
    }

    @Test
    void historyRecordsOkFailAndUnknownWithMatchingPairs() {
        // Writes answered are ok, "fail" operations are fail, writes whose server is down are info (unknown).
        OperationGenerator gen = (process, random) -> random.nextInt(4) == 0
                ? new OperationGenerator.Operation("fail", "k1", 7L)
                : new OperationGenerator.Operation("write", "k1", random.nextLong(1000));
        SimResult result = registerCluster(6, NetworkConfig.reliable(Latency.constant(ms(1))), List.of(C1, C2))
                .faults(FaultPlan.builder().crash(ms(100), N1, ms(500)).build())
                .workload(Workload.closedLoop(List.of(C1, C2), gen, 40, Latency.constant(ms(5))))
                .build()
                .run(Duration.ofSeconds(60));

        History history = result.history();
        assertThat(completionsMatchInvocations(history)).isTrue();
        Map<OpType, Long> byType = new HashMap<>();
        history.ops().forEach(op -> byType.merge(op.type(), 1L, Long::sum));
        assertThat(byType).containsKeys(OpType.OK, OpType.FAIL, OpType.INFO);
        assertThat(history.ops())
                .filteredOn(op -> op.type() == OpType.FAIL)
                .allMatch(op -> op.f().equals("fail")
                        && op.error().equals("unsupported: fail")
                        && op.value().equals(7L));
        assertThat(history.ops())
                .filteredOn(op -> op.type() == OpType.INFO)
                .allMatch(op -> op.f().equals("write") && op.error().equals("timeout"))
                .allMatch(op -> op.timeNanos() > 100_000_000L && op.timeNanos() < 800_000_000L);
        assertThat(history.ops()).filteredOn(op -> op.type() == OpType.OK).allMatch(op -> op.f()
                .equals("write"));
    }

    @Test
    void anOperationStillOpenWhenTheRunStopsHasNoCompletion() {
        // The run ends at 3 ms while the second write is in flight: its invoke stays unanswered.
        SimResult result = registerCluster(7, NetworkConfig.reliable(Latency.constant(ms(1))), List.of(C1))
                .workload(Workload.closedLoop(List.of(C1), WRITES, 5, Latency.constant(Duration.ZERO)))
                .build()
                .run(ms(3));

        assertThat(result.history().ops().stream().map(Op::type).toList())
                .containsExactly(OpType.INVOKE, OpType.OK, OpType.INVOKE);
        assertThat(result.virtualTimeNanosEnd()).isEqualTo(3_000_000L);
    }

    @Test
    void workloadCanStartLater() {
        // startingAfter delays the first invocation.
        SimResult result = registerCluster(8, NetworkConfig.reliable(Latency.constant(ms(1))), List.of(C1))
                .workload(Workload.closedLoop(List.of(C1), WRITES, 1, Latency.constant(Duration.ZERO))
                        .startingAfter(ms(250)))
                .build()
                .run(Duration.ofSeconds(1));

        assertThat(result.history().ops().getFirst().timeNanos()).isEqualTo(250_000_000L);
    }

    /** Every invoke is followed, in its process, by exactly one completion of the same f before the next invoke. */
    private static boolean completionsMatchInvocations(History history) {
        Map<Integer, Op> open = new HashMap<>();
        List<Boolean> good = new ArrayList<>();
        for (Op op : history.ops()) {
            if (op.type() == OpType.INVOKE) {
                good.add(open.put(op.process(), op) == null);
            } else {
                Op invoke = open.remove(op.process());
                good.add(invoke != null && invoke.f().equals(op.f()) && op.timeNanos() >= invoke.timeNanos());
            }
        }
        return open.isEmpty() && !good.contains(false);
    }
}
