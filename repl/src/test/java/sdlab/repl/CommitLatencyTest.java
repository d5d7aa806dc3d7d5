package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.repl.ReplObserver.CommitAck;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Workload;

/**
 * Each mode acknowledges a commit where it says, shown by the latency of one lone write on a constant 1 ms network
 * with 1 ms syncs: 1 ms to the primary, 1 ms for its sync, and 1 ms back make async's 3 ms; a replica's round trip
 * (shipment and progress, 2 ms) adds 2 ms for remote_write, plus the replica's 1 ms sync for semi-sync and
 * {@code on}, plus the 0.1 ms apply for remote_apply.
 */
class CommitLatencyTest {

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("async", (UnaryOperator<ReplConfig>) ReplConfig::async, 3.0, CommitAck.LOCAL),
                Arguments.of(
                        "semi-sync after commit",
                        (UnaryOperator<ReplConfig>) c -> c.semiSync(WaitPoint.AFTER_COMMIT),
                        6.0,
                        CommitAck.REPLICAS),
                Arguments.of(
                        "semi-sync after sync",
                        (UnaryOperator<ReplConfig>) c -> c.semiSync(WaitPoint.AFTER_SYNC),
                        6.0,
                        CommitAck.REPLICAS),
                Arguments.of(
                        "remote_write",
                        (UnaryOperator<ReplConfig>) c -> c.sync(SyncLevel.REMOTE_WRITE),
                        5.0,
                        CommitAck.REPLICAS),
                Arguments.of("on", (UnaryOperator<ReplConfig>) c -> c.sync(SyncLevel.ON), 6.0, CommitAck.REPLICAS),
                Arguments.of(
                        "remote_apply",
                        (UnaryOperator<ReplConfig>) c -> c.sync(SyncLevel.REMOTE_APPLY),
                        6.1,
                        CommitAck.REPLICAS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aLoneWriteIsAcknowledgedWhereTheModeSays(
            String name, UnaryOperator<ReplConfig> mode, double latencyMs, CommitAck ack) {
        Recorder recorder = new Recorder();
        SimResult result = ReplWorld.cluster(1, mode.apply(ReplWorld.config()), recorder)
                .addClient(ReplWorld.client(0), new ReplClient(ReplClient.Settings.atPrimary(P, 100 * MS)))
                .workload(Workload.closedLoop(
                                List.of(ReplWorld.client(0)),
                                ReplWorld.writesAndReads(1, 1),
                                1,
                                Latency.constant(Duration.ZERO))
                        .startingAfter(Duration.ofMillis(50)))
                .build()
                .run(Duration.ofSeconds(1));

        Operation write = Operations.of(result.history()).getFirst();
        assertThat(write.status()).isEqualTo(Status.OK);
        assertThat((write.completeTimeNanos() - write.invokeTimeNanos()) / (double) MS)
                .as(name)
                .isCloseTo(latencyMs, offset(0.001));
        assertThat(recorder.commitsByValue.get("w0-1").ack()).isEqualTo(ack);
    }

    @ParameterizedTest(name = "acks {0}")
    @CsvSource({"1, 6.0, REPLICAS", "2, 103.0, FALLBACK"})
    void theAcknowledgementCountDecidesWhetherOneCutOffReplicaStallsACommit(int acks, double latencyMs, CommitAck ack) {
        // Shows: with r2 cut off, one acknowledgement (r1's) commits in the usual 6 ms; two wait for r2 until the
        // 100 ms timeout switches semi-sync off (MySQL's rpl_semi_sync_master_wait_for_slave_count).
        Recorder recorder = new Recorder();
        ReplConfig config = ReplWorld.config()
                .semiSync(WaitPoint.AFTER_SYNC)
                .withAcksRequired(acks)
                .withTimeoutNanosSemiSync(100 * MS);
        SimResult result = ReplWorld.cluster(1, config, recorder)
                .addClient(ReplWorld.client(0), new ReplClient(ReplClient.Settings.atPrimary(P, 500 * MS)))
                .faults(FaultPlan.builder()
                        .partition(
                                Duration.ZERO, Duration.ofHours(1), Partition.between(Set.of(P), Set.of(ReplWorld.R2)))
                        .build())
                .workload(Workload.closedLoop(
                                List.of(ReplWorld.client(0)),
                                ReplWorld.writesAndReads(1, 1),
                                1,
                                Latency.constant(Duration.ZERO))
                        .startingAfter(Duration.ofMillis(50)))
                .build()
                .run(Duration.ofSeconds(1));

        Operation write = Operations.of(result.history()).getFirst();
        assertThat(write.status()).isEqualTo(Status.OK);
        assertThat((write.completeTimeNanos() - write.invokeTimeNanos()) / (double) MS)
                .isCloseTo(latencyMs, offset(0.001));
        assertThat(recorder.commitsByValue.get("w0-1").ack()).isEqualTo(ack);
    }
}
