package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A replica that joins late: primary p and replica r1 take writes to 50 keys from one client; at 300 ms an operator
 * tells the empty r2 to join p. r2 copies a snapshot (50 pages of 16 KiB over a 10 MB/s link: 80 ms of transfer), then
 * catches up from the log. A second client reads from r2 throughout.
 */
class SnapshotJoinTest {
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final NodeId READER = ReplWorld.client(1);
    private static final NodeId OPERATOR = NodeId.of("op");
    /** Each client's operations; the run ends when the clients are done. */
    private static final int OPS_PER_CLIENT = 300;

    private static final long JOIN_AT_NANOS = 300 * MS;
    /** 16 KiB pages, a 10 MB/s snapshot link, chunks of 8 pages, a 100-page cache, 2 ms misses on 2 disk slots. */
    private static final ReadReplicaSettings READ_SIDE =
            new ReadReplicaSettings(false, 16_384, 8, 10_000_000, 100, 2 * MS, 2);

    private record Run(Simulation simulation, List<Operation> ops, Recorded recorded) {}

    /** What the store reported of the snapshot. */
    private static final class Recorded implements ReplObserver {
        long snapshotNanos = -1;
        long snapshotBytes;

        @Override
        public void snapshotLoaded(NodeId replica, long position, long bytes, long tookNanos, long atNanos) {
            snapshotNanos = tookNanos;
            snapshotBytes = bytes;
        }
    }

    private static Run run(ReplConfig.Bug bug) {
        ReplConfig config = ReplConfig.defaults(P, List.of(R1)).withBug(bug);
        Recorded recorded = new Recorded();
        ReadReplicaSettings readSide = READ_SIDE;
        Simulation simulation = Simulation.builder(3)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults())
                .addNode(P, any -> new ReplNode(config, recorded, null, readSide))
                .addNode(R1, any -> new ReplNode(config, recorded, null, readSide))
                .addNode(R2, any -> new ReplNode(config, recorded, null, readSide.joiningLate()))
                .addNode(
                        OPERATOR,
                        any -> new Provisioner(new Provisioner.Settings(R2, P, List.of(), JOIN_AT_NANOS, 5 * MS, -1)))
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 500 * MS)))
                .addClient(READER, new ReplClient(new ReplClient.Settings(P, R2, 500 * MS, false, 0)))
                .workload(Workload.closedLoop(
                        List.of(WRITER, READER),
                        ReplWorld.writesAndReads(1, 50),
                        OPS_PER_CLIENT,
                        Latency.constant(Duration.ofMillis(1))))
                .build();
        var result = simulation.run(Duration.ofMillis(1500));
        return new Run(simulation, Operations.of(result.history()), recorded);
    }

    @Test
    void theJoinerEndsWithThePrimarysStateAfterASnapshotThatTookItsTransferTime() {
        Run run = run(ReplConfig.Bug.NONE);
        ReplNode primary = (ReplNode) run.simulation().node(P).orElseThrow();
        ReplNode joiner = (ReplNode) run.simulation().node(R2).orElseThrow();

        assertThat(joiner.joining()).isFalse();
        assertThat(joiner.source()).contains(P);
        // The run ends with the last write: the joiner has received everything and holds, at its head, what the
        // primary's log says every key was at that position.
        assertThat(joiner.lastPosition()).isEqualTo(primary.lastPosition());
        Map<String, String> expected = new HashMap<>();
        primary.log().forEach(entry -> expected.put(entry.key(), entry.value()));
        expected.forEach(
                (key, value) -> assertThat(joiner.valueAtHead(key)).as(key).isEqualTo(value));
        assertThat(joiner.appliedPosition()).isGreaterThanOrEqualTo(primary.lastPosition() - 1);
        // The snapshot's bytes crossed the 10 MB/s link: at least their transfer time, plus a round trip per chunk.
        assertThat(run.recorded().snapshotBytes).isPositive();
        long transferNanos = run.recorded().snapshotBytes * 1_000_000_000L / 10_000_000;
        assertThat(run.recorded().snapshotNanos).isGreaterThanOrEqualTo(transferNanos);
        // It started cold: its first reads missed and read the disk.
        assertThat(joiner.cacheMisses()).isPositive();
    }

    @Test
    void aJoinerServesNoReadUntilItsSnapshotIsLoaded() {
        Run run = run(ReplConfig.Bug.NONE);
        List<Operation> reads = reads(run);
        assertThat(reads).anyMatch(op -> op.status() == Status.FAIL && "loading a snapshot".equals(op.error()));
        // No read it answered says "never written" of a key whose write was acknowledged before the join began.
        Set<String> written = writtenBeforeTheJoin(run);
        assertThat(reads)
                .filteredOn(op -> op.status() == Status.OK && written.contains(op.key()))
                .isNotEmpty()
                .allMatch(op -> op.output() != null);
    }

    @Test
    void plantedBugAJoinerThatServesBeforeItsSnapshotReturnsNothingForKeysThatExist() {
        // Shows: the refusal above is what keeps a joiner's empty state from its readers.
        Run run = run(ReplConfig.Bug.SERVES_BEFORE_SNAPSHOT);
        Set<String> written = writtenBeforeTheJoin(run);
        assertThat(reads(run))
                .anyMatch(op -> op.status() == Status.OK && op.output() == null && written.contains(op.key()));
    }

    private static Set<String> writtenBeforeTheJoin(Run run) {
        return run.ops().stream()
                .filter(op -> op.f().equals(ReplClient.WRITE)
                        && op.status() == Status.OK
                        && op.completeTimeNanos() < JOIN_AT_NANOS)
                .map(Operation::key)
                .collect(Collectors.toSet());
    }

    private static List<Operation> reads(Run run) {
        return run.ops().stream().filter(op -> op.f().equals(ReplClient.READ)).toList();
    }
}
