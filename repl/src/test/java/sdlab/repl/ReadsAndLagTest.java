package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
 * Reads from a replica and the lag it reports. One client alternates a write (to the primary) and a read (from
 * replica r1) of the same key, with no pause between them; r1 applies each entry in 5 ms, so it falls behind.
 */
class ReadsAndLagTest {
    private static final NodeId CLIENT = ReplWorld.client(0);

    private static List<Operation> alternate(ReplClient.Settings settings, ReplConfig config) {
        SimResult result = ReplWorld.cluster(2, config, ReplObserver.NONE)
                .addClient(CLIENT, new ReplClient(settings))
                .workload(Workload.closedLoop(
                        List.of(CLIENT), alternatingWriteRead(), 40, Latency.constant(Duration.ZERO)))
                .build()
                .run(Duration.ofSeconds(5));
        return Operations.of(result.history());
    }

    /** write k=v1, read k, write k=v2, read k, ... */
    private static sdlab.sim.OperationGenerator alternatingWriteRead() {
        int[] count = {0};
        return (process, random) -> {
            count[0]++;
            return count[0] % 2 == 1
                    ? new sdlab.sim.OperationGenerator.Operation(ReplClient.WRITE, "k", "v" + (count[0] + 1) / 2)
                    : new sdlab.sim.OperationGenerator.Operation(ReplClient.READ, "k", null);
        };
    }

    /** How many reads did not return the value the same client had just written. */
    private static long staleReads(List<Operation> ops) {
        long stale = 0;
        for (int i = 1; i < ops.size(); i += 2) {
            Operation write = ops.get(i - 1);
            Operation read = ops.get(i);
            if (read.status() == Status.OK && !write.input().equals(read.output())) {
                stale++;
            }
        }
        return stale;
    }

    private static ReplConfig slowApplier() {
        return ReplWorld.config().withApplyNanosPerEntry(5 * MS);
    }

    @Test
    void aReplicaReadRightAfterAnAsyncWriteIsStale() {
        // Shows: an asynchronous commit returns before r1 has the entry, so the next read there misses it.
        List<Operation> ops = alternate(
                new ReplClient.Settings(P, R1, 100 * MS, false, 0),
                slowApplier().async());

        assertThat(ops).allMatch(o -> o.status() == Status.OK);
        assertThat(staleReads(ops)).isEqualTo(20);
    }

    @Test
    void readYourWritesWaitsAtTheReplicaForThePositionAndSeesTheWrite() {
        // Shows: the same reads, each waiting at r1 for the client's last commit position, are never stale; they
        // pay the replica's lag instead.
        List<Operation> ops = alternate(
                new ReplClient.Settings(P, R1, 100 * MS, true, 50 * MS),
                slowApplier().async());

        assertThat(ops).allMatch(o -> o.status() == Status.OK);
        assertThat(staleReads(ops)).isZero();
        Operation read = ops.get(1);
        assertThat((read.completeTimeNanos() - read.invokeTimeNanos()) / (double) MS)
                .isGreaterThan(2);
    }

    @Test
    void aPositionWaitThatRunsOutFailsTheRead() {
        // Shows: a wait shorter than the replica's lag ends in a definite failure, never a stale value.
        List<Operation> ops = alternate(
                new ReplClient.Settings(P, R1, 100 * MS, true, MS),
                slowApplier().async());

        List<Operation> reads = new ArrayList<>();
        for (int i = 1; i < ops.size(); i += 2) {
            reads.add(ops.get(i));
        }
        assertThat(reads).allMatch(r -> r.status() == Status.FAIL);
        assertThat(staleReads(ops)).isZero();
    }

    @Test
    void secondsBehindSourceIsBlindToAReplicaThatReceivesNothing() {
        // Shows: with r1 cut off from 100 ms to 600 ms while writes go on, at 500 ms Seconds_Behind_Source says 0
        // (r1 applied all it received), and so do the positions behind, as r1 knows only what it was told; the receive
        // lag
        // (pt-heartbeat's figure: time since the newest heartbeat was sent) shows the 400 ms. After the heal, all
        // small.
        List<ReplicaLag> seen = new ArrayList<>();
        NodeId writer = ReplWorld.client(0);
        Simulation simulation = ReplWorld.cluster(4, ReplWorld.config().async(), ReplObserver.NONE)
                .addClient(writer, new ReplClient(ReplClient.Settings.atPrimary(P, 100 * MS)))
                .faults(FaultPlan.builder()
                        .partition(
                                Duration.ofMillis(100),
                                Duration.ofMillis(500),
                                Partition.between(Set.of(P), Set.of(R1)))
                        .build())
                .workload(Workload.closedLoop(
                        List.of(writer), ReplWorld.writesAndReads(1, 4), 200, Latency.constant(Duration.ofMillis(2))))
                .at(Duration.ofMillis(80), control -> lagOf(control, seen))
                .at(Duration.ofMillis(500), control -> lagOf(control, seen))
                .at(Duration.ofMillis(900), control -> lagOf(control, seen))
                .build();
        simulation.run(Duration.ofSeconds(2));

        ReplicaLag cut = seen.get(1);
        assertThat(cut.secondsBehindSourceNanos()).isZero();
        assertThat(cut.entriesBehindReceived()).isZero(); // r1 cannot know what it was not told
        assertThat(cut.receiveLagNanos() / (double) MS).isBetween(390.0, 412.0);
        ReplicaLag healed = seen.get(2);
        assertThat(healed.entriesBehindReceived()).isZero();
        assertThat(healed.receiveLagNanos() / (double) MS).isLessThan(12);
        ReplicaLag before = seen.get(0);
        assertThat(before.receiveLagNanos() / (double) MS).isLessThan(12);
    }

    private static void lagOf(sdlab.sim.SimControl control, List<ReplicaLag> seen) {
        ReplNode replica = (ReplNode) control.node(R1).orElseThrow();
        seen.add(replica.lag(control.nowNanos()).orElseThrow());
    }
}
