package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

/** How a log tracks the configuration of voting members (Raft thesis §4.1), in memory and across restarts. */
class ConfigurationLogTest {
    private static final List<NodeId> THREE = RaftCluster.nodeIds(3);
    private static final List<NodeId> FOUR = RaftCluster.nodeIds(4);
    private static final List<NodeId> FIVE = RaftCluster.nodeIds(5);

    private static LogEntry put(long term, long sequence) {
        return new LogEntry(term, new Command.Put("s", sequence, "k", sequence));
    }

    private static LogEntry change(long term, List<NodeId> members) {
        return new LogEntry(term, new Command.ChangeMembers(members));
    }

    private static PersistentState recover(MapDisk disk) {
        return PersistentState.recover(disk, THREE, new ArrayList<>());
    }

    private static Snapshot snapshot(long lastIndex, List<NodeId> members) {
        return new Snapshot(lastIndex, 1, new TreeMap<>(Map.of("k", lastIndex)), new TreeMap<>(), members);
    }

    @Test
    void aChangeCountsAsSoonAsItIsAppendedCommittedOrNot() {
        RaftLog log = new RaftLog(THREE);
        log.append(put(1, 1));
        assertThat(log.members()).isEqualTo(THREE);
        assertThat(log.membersIndex()).isZero();

        log.append(change(1, FOUR));
        log.append(put(1, 2));

        assertThat(log.members()).isEqualTo(FOUR);
        assertThat(log.membersIndex()).isEqualTo(2);
        assertThat(log.membersAt(1)).isEqualTo(THREE);
        assertThat(log.membersAt(3)).isEqualTo(FOUR);
        assertThat(log.changesAfter(1)).isEqualTo(1);
        assertThat(log.changesAfter(2)).isZero();
    }

    @Test
    void truncatingAChangeRollsTheConfigurationBackToThePreviousOne() {
        // A follower's uncommitted change is overwritten by a new leader: it goes by the one before.
        RaftLog log = new RaftLog(THREE);
        log.append(change(1, FOUR));
        log.append(change(1, FIVE));

        log.truncateFrom(2);
        assertThat(log.members()).isEqualTo(FOUR);

        log.truncateFrom(1);
        assertThat(log.members()).isEqualTo(THREE);
        assertThat(log.membersIndex()).isZero();
    }

    @Test
    void compactionKeepsTheConfigurationAsOfTheSnapshotAndTheChangesAfterIt() {
        RaftLog log = new RaftLog(THREE);
        log.append(change(1, FOUR));
        log.append(put(1, 2));
        log.append(change(1, FIVE));

        log.compactTo(2, 1, FOUR);
        assertThat(log.members()).isEqualTo(FIVE);
        log.truncateFrom(3);
        assertThat(log.members()).isEqualTo(FOUR); // the snapshot's configuration, below the truncated change

        // An installed snapshot that the log does not lead to replaces the log, and the configuration with it.
        log.compactTo(7, 2, THREE);
        assertThat(log.members()).isEqualTo(THREE);
        assertThat(log.membersIndex()).isEqualTo(7);
    }

    @Test
    void aNodeOutsideItsBootstrapConfigurationKnowsNoMembersUntilALeaderSendsSome() {
        assertThat(new RaftLog(List.of()).members()).isEmpty();
        RaftLog log = new RaftLog(List.of());
        log.append(put(1, 1));
        log.append(change(1, FOUR));
        assertThat(log.members()).isEqualTo(FOUR);
    }

    @Test
    void aRestartRecoversTheLatestConfigurationFromTheLog() {
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        state.append(put(1, 1));
        state.append(change(1, FOUR));
        state.append(change(1, FIVE));
        state.replaceFrom(3, put(2, 2)); // the second change is overwritten

        PersistentState recovered = PersistentState.recover(disk, List.of(), new ArrayList<>());

        assertThat(recovered.log().members()).isEqualTo(FOUR);
    }

    @Test
    void theSnapshotAndTheLogGenerationAfterItCarryTheConfiguration() {
        // Snapshot up to 3 (members four), then a new generation; a restart with any bootstrap
        // configuration reads four back, from the snapshot and the Base record.
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        state.append(put(1, 1));
        state.append(change(1, FOUR));
        state.append(put(1, 3));
        state.append(put(1, 4));
        state.saveSnapshot(snapshot(3, FOUR));
        state.onSnapshotDurable(3);

        MapDisk withoutOldGeneration = disk.copy();
        withoutOldGeneration.delete(PersistentState.logFile(0));
        for (MapDisk crashed : List.of(disk, withoutOldGeneration)) {
            PersistentState recovered = PersistentState.recover(crashed, List.of(), new ArrayList<>());
            assertThat(recovered.log().snapshotIndex()).isEqualTo(3);
            assertThat(recovered.log().members()).isEqualTo(FOUR);
            assertThat(recovered.snapshot().orElseThrow().members()).isEqualTo(FOUR);
        }
    }

    @Test
    void configurationsSurviveTheirEncoding() {
        LogRecord.Entry entry = new LogRecord.Entry(2, change(3, FIVE));
        LogRecord.Base base = new LogRecord.Base(7, 3, FOUR);
        assertThat(LogCodec.decode(LogCodec.encode(entry)).records()).containsExactly(entry);
        assertThat(LogCodec.decode(LogCodec.encode(base)).records()).containsExactly(base);
        Snapshot snapshot = snapshot(5, FIVE);
        assertThat(LogCodec.decodeSnapshot(LogCodec.encodeSnapshot(snapshot))).contains(snapshot);
    }

    @Test
    void membersAreSortedAndWithoutDuplicates() {
        Command.ChangeMembers change =
                new Command.ChangeMembers(List.of(NodeId.of("n3"), NodeId.of("n1"), NodeId.of("n3")));
        assertThat(change.members()).containsExactly(NodeId.of("n1"), NodeId.of("n3"));
    }
}
