package sdlab.consensus.raft;

import java.io.ByteArrayOutputStream;
import sdlab.consensus.raft.RaftMessages.InstallSnapshot;

/** A follower's copy of the snapshot the leader is sending, as far as its chunks have arrived (in memory only). */
final class SnapshotChunks {
    private final long lastIndex;
    private final long lastTerm;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    SnapshotChunks(long lastIndex, long lastTerm) {
        this.lastIndex = lastIndex;
        this.lastTerm = lastTerm;
    }

    /** Whether {@code chunk} belongs to this snapshot. */
    boolean isOf(InstallSnapshot chunk) {
        return chunk.lastIndex() == lastIndex && chunk.lastTerm() == lastTerm;
    }

    /** Whether {@code chunk} is this snapshot's next one. */
    boolean continuedBy(InstallSnapshot chunk) {
        return isOf(chunk) && chunk.offset() == bytes.size();
    }

    void add(byte[] chunk) {
        bytes.writeBytes(chunk);
    }

    long size() {
        return bytes.size();
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
