package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Two primaries a and b that replicate to each other, on a constant 1 ms network with 1 ms syncs; writers c0 and c1
 * write to a, c2 and c3 to b, each turning to the other primary when its own does not answer. Both take writes, each
 * ends holding every write the other acknowledged, and both answer every key with the same value: the newest.
 */
class ActiveActiveTest {
    private static final NodeId A = NodeId.of("a");
    private static final NodeId B = NodeId.of("b");
    private static final List<NodeId> MEMBERS = List.of(A, B);
    private static final int KEYS = 12;

    private record Run(SimResult result, ActiveActiveNode a, ActiveActiveNode b, Recorder recorder) {}

    private static Run run(long seed, ReplConfig.Bug bug, FaultPlan faults) {
        Recorder recorder = new Recorder();
        ReplConfig settings = ReplConfig.defaults(A, List.of(B)).withBug(bug);
        List<NodeId> writers =
                List.of(ReplWorld.client(0), ReplWorld.client(1), ReplWorld.client(2), ReplWorld.client(3));
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults())
                .faults(faults)
                .workload(Workload.closedLoop(
                        writers, ReplWorld.writesAndReads(4, KEYS), 150, Latency.constant(Duration.ofMillis(2))));
        for (NodeId member : MEMBERS) {
            builder.addNode(member, any -> new ActiveActiveNode(MEMBERS, settings, recorder));
        }
        for (int i = 0; i < writers.size(); i++) {
            NodeId home = MEMBERS.get(i / 2);
            NodeId other = MEMBERS.get(1 - i / 2);
            builder.addClient(
                    writers.get(i),
                    new ReplClient(ReplClient.Settings.atPrimary(home, 50 * ReplWorld.MS)
                            .withAlternates(List.of(other), 100 * ReplWorld.MS)));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofSeconds(5));
        return new Run(
                result,
                (ActiveActiveNode) simulation.node(A).orElseThrow(),
                (ActiveActiveNode) simulation.node(B).orElseThrow(),
                recorder);
    }

    private static Set<String> values(List<Entry> entries) {
        Set<String> values = new HashSet<>();
        entries.forEach(entry -> values.add(entry.value()));
        return values;
    }

    private static List<Operation> acknowledged(SimResult result) {
        return Operations.of(result.history()).stream()
                .filter(op -> op.status() == Status.OK)
                .toList();
    }

    @Test
    void bothPrimariesTakeWritesAndEndWithTheSameNewestValues() {
        Run run = run(3, ReplConfig.Bug.NONE, FaultPlan.builder().build());

        assertThat(run.a().log()).isNotEmpty();
        assertThat(run.b().log()).isNotEmpty();
        // The last shipment may be on its way when the run stops; everything before it has arrived.
        assertThat(run.a().relayLog(B).size())
                .isGreaterThanOrEqualTo(run.b().log().size() - 1);
        assertThat(run.b().relayLog(A).size())
                .isGreaterThanOrEqualTo(run.a().log().size() - 1);
        Set<String> heldByBoth = values(run.a().entriesHeld());
        heldByBoth.retainAll(values(run.b().entriesHeld()));
        long missing = acknowledged(run.result()).stream()
                .filter(op -> !heldByBoth.contains((String) op.output()))
                .count();
        assertThat(missing).isLessThanOrEqualTo(2);
        // The run stops with the last writes' shipments on their way (a sync, a hop and a sync: 3 ms here): a key
        // whose newest write is that recent may still differ. Every other key reads the same, newest value at both.
        long settled = run.result().virtualTimeNanosEnd() - 5 * ReplWorld.MS;
        int compared = 0;
        for (int k = 0; k < KEYS; k++) {
            String key = "k" + k;
            String newest = newestWrite(run, key);
            if (run.recorder().commitsByValue.get(newest).atNanos() < settled) {
                assertThat(run.a().value(key)).as(key).isEqualTo(newest);
                assertThat(run.b().value(key)).as(key).isEqualTo(newest);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(KEYS / 3);
    }

    @Test
    void aPrimaryThatWasDownCatchesUpAndItsClientsWentOnAtTheOtherThenCameBack() {
        // Shows: a is down from 200 to 500 ms; its writers' next operations go to b, a ends holding b's writes, and
        // the writers go back to a (100 ms after turning away, they try it again) once it is up.
        Run run = run(
                4,
                ReplConfig.Bug.NONE,
                FaultPlan.builder()
                        .crash(Duration.ofMillis(200), A, Duration.ofMillis(300))
                        .build());

        assertThat(run.a().relayLog(B).size())
                .isGreaterThanOrEqualTo(run.b().log().size() - 1);
        List<Operation> okDuringOutage = acknowledged(run.result()).stream()
                .filter(op -> op.process() < 2
                        && op.completeTimeNanos() > 260 * ReplWorld.MS
                        && op.completeTimeNanos() < 500 * ReplWorld.MS)
                .toList();
        assertThat(okDuringOutage).isNotEmpty().allSatisfy(op -> assertThat(
                        run.recorder().commitsByValue.get((String) op.output()).primary())
                .isEqualTo(B));
        List<Operation> okLater = acknowledged(run.result()).stream()
                .filter(op -> op.process() < 2 && op.invokeTimeNanos() > 700 * ReplWorld.MS)
                .toList();
        assertThat(okLater).isNotEmpty().allSatisfy(op -> assertThat(
                        run.recorder().commitsByValue.get((String) op.output()).primary())
                .isEqualTo(A));
    }

    @Test
    void primariesThatSkipEachOthersEntriesAcknowledgeWritesTheOtherNeverGets() {
        // Shows: the planted bug (the same server id on both) loses nothing locally and everything across.
        Run run = run(
                3,
                ReplConfig.Bug.ACTIVE_ACTIVE_SKIPS_PEER_WRITES,
                FaultPlan.builder().build());

        assertThat(run.a().log()).isNotEmpty();
        assertThat(run.a().relayLog(B)).isEmpty();
        assertThat(run.b().relayLog(A)).isEmpty();
    }

    private static String newestWrite(Run run, String key) {
        Entry newest = null;
        List<Entry> all = new java.util.ArrayList<>(run.a().log());
        all.addAll(run.b().log());
        for (Entry entry : all) {
            if (entry.key().equals(key)
                    && (newest == null
                            || entry.commitNanos() > newest.commitNanos()
                            || (entry.commitNanos() == newest.commitNanos()
                                    && originOf(run, entry)
                                                    .name()
                                                    .compareTo(originOf(run, newest)
                                                            .name())
                                            < 0))) {
                newest = entry;
            }
        }
        return newest == null ? null : newest.value();
    }

    private static NodeId originOf(Run run, Entry entry) {
        return run.a().log().contains(entry) ? A : B;
    }
}
