package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class PersistentStateTest {
    private static final NodeId N2 = NodeId.of("n2");

    private static LogEntry put(long term, long sequence) {
        return new LogEntry(term, new Command.Put("s", sequence, "k", sequence));
    }

    private static PersistentState recover(MapDisk disk) {
        return PersistentState.recover(disk, new ArrayList<>());
    }

    @Test
    void termVoteAndLogComeBackAfterARestart() {
        // What was written is what a new life reads back, replaced suffixes included.
        MapDisk disk = new MapDisk();
        PersistentState state = recover(disk);
        state.setTermAndVote(3, N2);
        state.append(put(1, 1));
        state.append(put(2, 2));
        state.append(put(2, 3));
        state.replaceFrom(2, put(3, 4));

        PersistentState recovered = recover(disk);

        assertThat(recovered.term()).isEqualTo(3);
        assertThat(recovered.votedFor()).isEqualTo(N2);
        assertThat(recovered.log().lastIndex()).isEqualTo(2);
        assertThat(recovered.log().entry(1)).isEqualTo(put(1, 1));
        assertThat(recovered.log().entry(2)).isEqualTo(put(3, 4));
    }

    @Test
    void anEmptyDiskIsTermZeroWithoutAVoteOrEntries() {
        PersistentState state = recover(new MapDisk());

        assertThat(state.term()).isZero();
        assertThat(state.votedFor()).isNull();
        assertThat(state.log().lastIndex()).isZero();
    }

    @Test
    void aTornTailIsCutSoThatLaterAppendsAreReadBackToo() {
        // A crash tore the last append; the next life drops it, appends more, and a third life
        // reads everything that life wrote (without the cut, the garbage would hide it).
        MapDisk disk = new MapDisk();
        PersistentState first = recover(disk);
        first.setTermAndVote(1, null);
        first.append(put(1, 1));
        first.append(put(1, 2));
        byte[] bytes = disk.read(PersistentState.FILE).orElseThrow();
        disk.write(PersistentState.FILE, Arrays.copyOf(bytes, bytes.length - 3));

        List<String> notes = new ArrayList<>();
        PersistentState second = PersistentState.recover(disk, notes);
        assertThat(second.log().lastIndex()).isEqualTo(1);
        assertThat(notes).anyMatch(note -> note.contains("torn tail"));
        second.append(put(1, 3));

        PersistentState third = recover(disk);
        assertThat(third.log().lastIndex()).isEqualTo(2);
        assertThat(third.log().entry(2)).isEqualTo(put(1, 3));
    }

    @Test
    void logStampsGrowAlongTheLogSoThatNewEntriesFormASuffix() {
        // After a truncation the replacing entries carry stamps above every surviving one.
        RaftLog log = new RaftLog(List.of());
        for (int i = 1; i <= 5; i++) {
            log.append(put(1, i));
        }
        long seen = log.stampAt(5);
        log.truncateFrom(3);
        log.append(put(2, 6));

        assertThat(log.stampAt(3)).isGreaterThan(seen);
        assertThat(log.stampAt(2)).isLessThan(log.stampAt(3));
        assertThat(log.firstIndexOfTermAt(3)).isEqualTo(3);
        assertThat(log.firstIndexOfTermAt(2)).isEqualTo(1);
        assertThat(log.isBehindOrEqualTo(3, 2)).isTrue();
        assertThat(log.isBehindOrEqualTo(9, 1)).isFalse();
    }
}
