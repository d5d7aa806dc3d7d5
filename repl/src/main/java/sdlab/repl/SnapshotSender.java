package sdlab.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.repl.ReplMessages.KeyValue;
import sdlab.repl.ReplMessages.SnapshotChunk;
import sdlab.repl.ReplMessages.SnapshotChunkAck;
import sdlab.repl.ReplTimers.SnapshotNextChunk;

/**
 * The primary's side of a late join: a copy of its applied state at one position (what a physical backup or {@code
 * pg_basebackup} takes), cut into chunks and sent one at a time. Each chunk goes out only after its bytes had time to
 * cross the link at the configured throughput, and the next waits for the joiner to have synced the previous one, so
 * the transfer takes the link's time plus a round trip and a disk sync per chunk.
 */
final class SnapshotSender {
    /** One snapshot on its way to one joiner. */
    private static final class Transfer {
        final long position;
        final long commitNanos;
        final long offsetBytes;
        final List<List<KeyValue>> chunks;
        int next;

        Transfer(long position, long commitNanos, long offsetBytes, List<List<KeyValue>> chunks) {
            this.position = position;
            this.commitNanos = commitNanos;
            this.offsetBytes = offsetBytes;
            this.chunks = chunks;
        }
    }

    private final ReadReplicaSettings settings;
    private final Map<NodeId, Transfer> transfers = new TreeMap<>();

    SnapshotSender(ReadReplicaSettings settings) {
        this.settings = settings;
    }

    /** {@code joiner} asked for a snapshot: take one of {@code state} now and start sending it. */
    void onRequest(NodeId joiner, KvState state, ReplLog log, NodeContext ctx) {
        long position = state.appliedPosition();
        long offsetBytes = log.offsetBytesAt(position);
        List<KeyValue> pairs = state.pairs();
        List<List<KeyValue>> chunks = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += settings.snapshotChunkPages()) {
            chunks.add(pairs.subList(from, Math.min(pairs.size(), from + settings.snapshotChunkPages())));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        transfers.put(joiner, new Transfer(position, state.appliedCommitNanos(), offsetBytes, chunks));
        ctx.note("snapshot for " + joiner + " at position " + position + ": " + pairs.size() + " pages in "
                + chunks.size() + " chunks");
        pace(joiner, ctx);
    }

    /** The joiner synced a chunk: the next one goes out after its transfer time. */
    void onAck(NodeId joiner, SnapshotChunkAck ack, NodeContext ctx) {
        Transfer transfer = transfers.get(joiner);
        if (transfer == null || ack.position() != transfer.position || ack.index() != transfer.next - 1) {
            return; // a duplicate, or an answer to an older snapshot
        }
        if (transfer.next == transfer.chunks.size()) {
            transfers.remove(joiner);
            return;
        }
        pace(joiner, ctx);
    }

    /** The next chunk's bytes have crossed the link: send it. */
    void onNext(SnapshotNextChunk due, NodeContext ctx) {
        Transfer transfer = transfers.get(due.replica());
        if (transfer == null || transfer.next >= transfer.chunks.size()) {
            return;
        }
        List<KeyValue> pairs = transfer.chunks.get(transfer.next);
        ctx.send(
                due.replica(),
                new SnapshotChunk(
                        transfer.position,
                        transfer.commitNanos,
                        transfer.offsetBytes,
                        transfer.next,
                        transfer.chunks.size(),
                        pairs,
                        bytes(pairs)));
        transfer.next++;
    }

    private void pace(NodeId joiner, NodeContext ctx) {
        Transfer transfer = transfers.get(joiner);
        long bytes = bytes(transfer.chunks.get(transfer.next));
        ctx.setTimer(Duration.ofNanos(settings.transferNanos(bytes)), new SnapshotNextChunk(joiner));
    }

    private long bytes(List<KeyValue> pairs) {
        return Math.max(1, pairs.size()) * settings.pageBytes();
    }
}
