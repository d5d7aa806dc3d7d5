package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.consensus.raft.RaftSimulations.Run;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.TraceEvent;

/** Snapshots, log compaction and InstallSnapshot: in simulated runs, and on a disk crashed at every step. */
class SnapshotTest {
    private static final RaftConfig CONFIG = RaftConfig.defaults().withSnapshotLogEntriesMax(20);

    private static LogEntry put(long term, long sequence) {
        return new LogEntry(term, new Command.Put("s", sequence, "k", sequence));
    }

    private static PersistentState recover(MapDisk disk) {
        return PersistentState.recover(disk, new ArrayList<>());
    }

    /** A machine that applied puts 1..count (of term 1), and its snapshot. */
    private static Snapshot snapshotOfPuts(int count) {
        KvStateMachine machine = new KvStateMachine();
        for (int i = 1; i <= count; i++) {
            machine.apply(i, put(1, i).command());
        }
        return machine.snapshot(1, RaftCluster.nodeIds(3), new byte[] {7, 8});
    }

    private static List<String> notes(SimResult result, String containing) {
        return result.trace().stream()
                .filter(event ->
                        event.kind() == TraceEvent.Kind.NOTE && event.detail().contains(containing))
                .map(TraceEvent::detail)
                .toList();
    }

    @Test
    void everyNodeCompactsItsLogInAnOrdinaryRunAndTheHistoryStaysLinearizable() {
        // About 150 writes with a snapshot every 20 applied entries: each node snapshots several times.
        SimResult result = RaftSimulations.simulate(1, RaftSimulations.standard(CONFIG), true);

        List<String> snapshots = notes(result, "snapshots up to entry");
        for (NodeId node : RaftCluster.nodeIds(5)) {
            assertThat(snapshots)
                    .filteredOn(note -> note.startsWith(node + " "))
                    .hasSizeGreaterThan(2);
        }
        assertThat(RaftSimulations.linearizable(result.history())).isEqualTo(Verdict.VALID);
    }

    @Test
    void aFollowerCutOffWhileTheLogWasCompactedCatchesUpByInstallSnapshot() {
        // n5 hears nothing for 1.2 s while the others commit and compact well past its log; when it
        // is back, the entries it lacks are gone from the leader's log, so it gets the snapshot.
        Run run = RaftSimulations.standard(CONFIG);
        FaultPlan plan = FaultPlan.builder()
                .partition(
                        Duration.ofMillis(300),
                        Duration.ofMillis(1_200),
                        Partition.isolate(NodeId.of("n5"), run.nodes()))
                .build();

        SimResult result = RaftSimulations.simulate(1, run.withFaults(plan), true);

        assertThat(notes(result, "installs a snapshot")).anyMatch(note -> note.startsWith("n5 "));
        assertThat(RaftSimulations.linearizable(result.history())).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSnapshotLargerThanAChunkArrivesInChunksAndIsInstalledWhole() {
        // The same cut-off follower, with the snapshot sent 16 bytes at a time: many chunks, each
        // acknowledged before the next, and the follower installs the whole once the last is in.
        Run run = RaftSimulations.standard(CONFIG.withSnapshotChunkBytes(16));
        FaultPlan plan = FaultPlan.builder()
                .partition(
                        Duration.ofMillis(300),
                        Duration.ofMillis(1_200),
                        Partition.isolate(NodeId.of("n5"), run.nodes()))
                .build();

        SimResult result = RaftSimulations.simulate(1, run.withFaults(plan), true);

        assertThat(notes(result, "installs a snapshot")).anyMatch(note -> note.startsWith("n5 "));
        assertThat(result.trace().stream()
                        .filter(event -> event.format().contains("InstallSnapshot["))
                        .count())
                .as("InstallSnapshot chunks sent")
                .isGreaterThan(3);
        assertThat(RaftSimulations.linearizable(result.history())).isEqualTo(Verdict.VALID);
    }

    @Test
    void churnWithSmallChunksKeepsEveryInvariantAndLinearizability() {
        // Snapshots in 24-byte chunks through crashes, isolations and lost messages: a chunk lost,
        // a follower restarted halfway through a snapshot, a new leader starting another.
        RaftConfig config = RaftConfig.defaults().withSnapshotLogEntriesMax(5).withSnapshotChunkBytes(24);
        for (long seed = 1; seed <= 20; seed++) {
            Run run = RaftSimulations.standard(config).withNodeCount(3);
            run = run.withNetwork(run.network().withLoss(0.05))
                    .withFaults(RaftSimulations.churn(seed, run.nodes(), 100, 80));

            SimResult result = RaftSimulations.simulate(seed, run, false);

            assertThat(RaftSimulations.linearizable(result.history()))
                    .as("seed %d", seed)
                    .isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void churnWithASnapshotEveryFiveEntriesKeepsEveryInvariantAndLinearizability() {
        // Crashes (with torn writes, slow syncs) and isolations every few tens of milliseconds,
        // on three nodes that compact all the time: crashes land between every step of a
        // compaction and of an InstallSnapshot, and restarts recover from snapshot and log.
        RaftConfig config = RaftConfig.defaults().withSnapshotLogEntriesMax(5);
        for (long seed = 1; seed <= 60; seed++) {
            Run run = RaftSimulations.standard(config).withNodeCount(3);
            run = run.withNetwork(run.network().withLoss(0.05))
                    .withDisk(run.disk().withSyncLatency(Latency.uniform(Duration.ofMillis(2), Duration.ofMillis(20))))
                    .withFaults(RaftSimulations.churn(seed, run.nodes(), 100, 80));

            SimResult result = RaftSimulations.simulate(seed, run, false);

            assertThat(RaftSimulations.linearizable(result.history()))
                    .as("seed %d", seed)
                    .isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aRestartRecoversTheSnapshotAndTheLogAfterIt() {
        // Snapshot up to 3, the next generation of the log, two more entries; a new life sees the
        // same log (starting after 3), the same vote, and the snapshot's state.
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        state.setTermAndVote(1, NodeId.of("n1"));
        for (int i = 1; i <= 5; i++) {
            state.append(put(1, i));
        }
        state.saveSnapshot(snapshotOfPuts(3));
        state.onSnapshotDurable(3);
        state.append(put(1, 6));

        assertThat(disk.files())
                .containsExactly(PersistentState.logFile(0), PersistentState.logFile(1), "raft-snapshot");

        PersistentState recovered = recover(disk);

        assertThat(recovered.term()).isEqualTo(1);
        assertThat(recovered.votedFor()).isEqualTo(NodeId.of("n1"));
        assertThat(recovered.log().snapshotIndex()).isEqualTo(3);
        assertThat(recovered.log().lastIndex()).isEqualTo(6);
        assertThat(recovered.log().entry(4)).isEqualTo(put(1, 4));
        assertThat(recovered.log().entry(6)).isEqualTo(put(1, 6));
        assertThat(recovered.snapshot()).contains(snapshotOfPuts(3));
        assertThat(KvStateMachine.restore(recovered.snapshot().orElseThrow()).read("k"))
                .isEqualTo(3L);
        assertThat(disk.files()).doesNotContain(PersistentState.logFile(0)); // superseded: deleted at recovery
    }

    @Test
    void aCrashAtAnyStepOfACompactionRecoversTheSameLog() {
        // The disk as a crash could leave it after each step: snapshot written but no new
        // generation; new generation written but the old one not deleted; old one deleted; and
        // the new generation's last append torn. Every one gives entries 4..6 after snapshot 3.
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        state.setTermAndVote(2, null);
        for (int i = 1; i <= 6; i++) {
            state.append(put(1, i));
        }
        Map<String, MapDisk> crashes = new TreeMap<>();
        state.saveSnapshot(snapshotOfPuts(3));
        crashes.put("1 snapshot written", disk.copy());
        state.onSnapshotDurable(3);
        crashes.put("2 generation written", disk.copy());
        disk.delete(PersistentState.logFile(0));
        crashes.put("3 old generation deleted", disk.copy());
        state.append(put(2, 7));
        MapDisk torn = disk.copy();
        byte[] bytes = torn.read(PersistentState.logFile(1)).orElseThrow();
        torn.write(PersistentState.logFile(1), Arrays.copyOf(bytes, bytes.length - 5));
        crashes.put("4 append torn", torn);

        crashes.forEach((step, crashed) -> {
            PersistentState recovered = recover(crashed);
            assertThat(recovered.log().snapshotIndex()).as(step).isEqualTo(3);
            assertThat(recovered.log().lastIndex()).as(step).isEqualTo(6);
            assertThat(recovered.log().entry(6)).as(step).isEqualTo(put(1, 6));
            assertThat(recovered.term()).as(step).isEqualTo(2);
        });
    }

    @Test
    void anInstalledSnapshotThatDroppedTheWholeLogIsRecoveredAsItWasAndWithoutItsSnapshotNotAtAll() {
        // A follower with entries 1..5, the last two of a term that lost, installs a snapshot
        // up to 4 of term 3: its whole log goes, and entry 5 of term 3 follows. A restart gets
        // exactly that, not the old entries 5 of term 2 (nor a log dropped after entry 5 was added).
        // If the snapshot did not make it to disk, neither did what was written after it.
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        for (int i = 1; i <= 5; i++) {
            state.append(put(i <= 3 ? 1 : 2, i));
        }
        Snapshot installed =
                new Snapshot(4, 3, new TreeMap<>(Map.of("k", 4L)), new TreeMap<>(), RaftCluster.nodeIds(3));
        state.saveSnapshot(installed);
        state.append(put(3, 5));
        MapDisk snapshotLost = disk.copy();
        snapshotLost.delete(PersistentState.SNAPSHOT_FILE);

        PersistentState recovered = recover(disk);
        PersistentState withoutSnapshot = recover(snapshotLost);

        assertThat(recovered.log().snapshotIndex()).isEqualTo(4);
        assertThat(recovered.log().lastIndex()).isEqualTo(5);
        assertThat(recovered.log().entry(5)).isEqualTo(put(3, 5));
        assertThat(recovered.snapshot()).contains(installed);
        assertThat(withoutSnapshot.log().snapshotIndex()).isZero();
        assertThat(withoutSnapshot.log().lastIndex()).isEqualTo(5);
        assertThat(withoutSnapshot.log().entry(5)).isEqualTo(put(2, 5));
    }

    @Test
    void aSnapshotThatDisagreesWithTheLogReplacesItWholeAndOneThatAgreesKeepsTheSuffix() {
        // Raft §7: a follower keeps the entries after the snapshot only if it holds the
        // snapshot's last entry; a log with another term there is discarded.
        RaftLog agreeing = new RaftLog(List.of());
        RaftLog conflicting = new RaftLog(List.of());
        for (int i = 1; i <= 5; i++) {
            agreeing.append(put(1, i));
            conflicting.append(put(i <= 2 ? 1 : 2, i));
        }

        agreeing.compactTo(3, 1, List.of());
        conflicting.compactTo(3, 1, List.of());

        assertThat(agreeing.lastIndex()).isEqualTo(5);
        assertThat(agreeing.termAt(3)).isEqualTo(1);
        assertThat(agreeing.entry(4)).isEqualTo(put(1, 4));
        assertThat(conflicting.lastIndex()).isEqualTo(3);
        assertThat(conflicting.lastTerm()).isEqualTo(1);
    }

    @Test
    void aSnapshotEncodesDeterministicallyAndDecodesToItself() {
        Snapshot snapshot = snapshotOfPuts(4);

        byte[] bytes = LogCodec.encodeSnapshot(snapshot);

        assertThat(LogCodec.encodeSnapshot(snapshotOfPuts(4))).isEqualTo(bytes);
        assertThat(LogCodec.decodeSnapshot(bytes)).contains(snapshot);
        assertThat(LogCodec.decodeSnapshot(Arrays.copyOf(bytes, bytes.length - 1)))
                .isEmpty();
    }
}
