package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.REPLICAS;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.repl.ReplObserver.CommitAck;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Where a commit is visible while it waits, and what the semi-sync timeout does. The primary is cut off from both
 * replicas from 20 ms to 320 ms; c0 writes w0-1 at 50 ms (and more after it), c1 reads the key on the primary every 10 ms from 50 ms.
 */
class VisibilityAndFallbackTest {
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final NodeId READER = ReplWorld.client(1);

    private record Seen(Operation write, List<Operation> reads, Recorder recorder, Simulation simulation) {
        /** When the reader first saw the write, in ms, or -1. */
        double firstSeenMs() {
            return reads.stream()
                    .filter(r -> r.status() == Status.OK && "w0-1".equals(r.output()))
                    .mapToDouble(r -> r.invokeTimeNanos() / (double) MS)
                    .findFirst()
                    .orElse(-1);
        }
    }

    private static Seen run(ReplConfig config) {
        Recorder recorder = new Recorder();
        Simulation simulation = ReplWorld.cluster(3, config, recorder)
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 1000 * MS)))
                .addClient(READER, new ReplClient(ReplClient.Settings.atPrimary(P, 1000 * MS)))
                .faults(sdlab.sim.FaultPlan.builder()
                        .partition(
                                Duration.ofMillis(20),
                                Duration.ofMillis(300),
                                Partition.between(Set.of(P), Set.copyOf(REPLICAS)))
                        .build())
                .workload(Workload.closedLoop(
                                List.of(WRITER, READER),
                                ReplWorld.writesAndReads(1, 1),
                                40,
                                Latency.constant(Duration.ofMillis(10)))
                        .startingAfter(Duration.ofMillis(50)))
                .build();
        SimResult result = simulation.run(Duration.ofSeconds(2));
        List<Operation> ops = Operations.of(result.history());
        Operation write = ops.stream().filter(o -> o.process() == 0).findFirst().orElseThrow();
        List<Operation> reads = ops.stream().filter(o -> o.process() == 1).toList();
        return new Seen(write, reads, recorder, simulation);
    }

    @Test
    void afterCommitShowsTheWriteOnThePrimaryWhileItWaitsForReplicas() {
        // Shows: visible at once (52 ms: the write's sync done), acknowledged only when the link heals (320 ms+).
        Seen seen = run(ReplWorld.config().semiSync(WaitPoint.AFTER_COMMIT));

        assertThat(seen.firstSeenMs()).isBetween(50.0, 70.0);
        assertThat(seen.write().completeTimeNanos() / (double) MS).isGreaterThan(320);
        assertThat(seen.recorder().commitsByValue.get("w0-1").ack()).isEqualTo(CommitAck.REPLICAS);
    }

    @Test
    void afterSyncHidesTheWriteUntilAReplicaAcknowledgesIt() {
        // Shows: nobody sees it before the heal; the first read that sees it comes after the acknowledgement.
        Seen seen = run(ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC));

        long ackedAt = seen.recorder().commitsByValue.get("w0-1").atNanos();
        assertThat(ackedAt / (double) MS).isGreaterThan(320);
        assertThat(seen.reads())
                .filteredOn(r -> "w0-1".equals(r.output()))
                .allMatch(r -> r.invokeTimeNanos() >= ackedAt - MS);
        assertThat(seen.firstSeenMs()).isGreaterThan(320);
    }

    @Test
    void theTimeoutFallsBackToAsyncAndACaughtUpReplicaSwitchesItBackOn() {
        // Shows: with a 100 ms timeout the write is acknowledged without replicas at ~152 ms, semi-sync is off
        // (no_times 1, no_tx counting it and the writes after it) and visible to readers; after the heal a replica
        // catches up and semi-sync is on again.
        Seen seen = run(ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC).withTimeoutNanosSemiSync(100 * MS));

        assertThat(seen.write().completeTimeNanos() / (double) MS).isBetween(150.0, 160.0);
        assertThat(seen.recorder().commitsByValue.get("w0-1").ack()).isEqualTo(CommitAck.FALLBACK);
        assertThat(seen.firstSeenMs()).isBetween(150.0, 170.0);
        assertThat(seen.recorder().switches).hasSize(2);
        assertThat(seen.recorder().switches.get(0)).startsWith("off@15");
        assertThat(seen.recorder().switches.get(1)).startsWith("on@32");
        ReplNode primary = (ReplNode) seen.simulation().node(P).orElseThrow();
        SemiSyncStatus status = primary.semiSync().orElseThrow();
        assertThat(status.on()).isTrue();
        assertThat(status.offTimes()).isEqualTo(1);
        assertThat(status.onTimes()).isEqualTo(1);
        // The writes during the cut went without replicas; those after the heal with them.
        assertThat(status.noTx()).isPositive();
        assertThat(status.yesTx()).isPositive();
        assertThat(status.yesTx() + status.noTx()).isEqualTo(40);
    }

    @Test
    void synchronousModesNeverFallBack() {
        // Shows: PostgreSQL-style sync waits out the whole cut, however long; nothing switches.
        Seen seen = run(ReplWorld.config().sync(SyncLevel.ON).withTimeoutNanosSemiSync(100 * MS));

        assertThat(seen.write().completeTimeNanos() / (double) MS).isGreaterThan(320);
        assertThat(seen.recorder().switches).isEmpty();
        assertThat(seen.firstSeenMs()).isGreaterThan(320);
    }
}
