package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.repl.ReplMessages.JoinFrom;
import sdlab.repl.ReplMessages.KeyValue;
import sdlab.repl.ReplMessages.SnapshotChunk;
import sdlab.repl.ReplMessages.SnapshotChunkAck;
import sdlab.repl.ReplMessages.SnapshotRequest;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteRefused;

/**
 * A node that has no data yet: it waits to be told whom to join, asks that primary for a snapshot, writes and syncs
 * each chunk before acknowledging it, and once the last is synced hands over to {@link ReplNode#loadSnapshot}, which
 * makes it a replica that catches up from the log after the snapshot's position. It serves no reads meanwhile (the
 * node refuses them), and its cache starts empty either way.
 */
final class JoiningRole implements Role {
    /** Where a joiner writes the chunks it received. */
    static final String SNAPSHOT_FILE = "repl-snapshot";

    private final ReplNode node;
    private final List<KeyValue> received = new ArrayList<>();
    private NodeId source;
    private long askedAtNanos;
    private long bytes;
    private int expected;
    private SnapshotChunk syncing;
    private long syncId = -1;

    JoiningRole(ReplNode node) {
        this.node = node;
    }

    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case JoinFrom join
            when source == null -> {
                source = join.primary();
                askedAtNanos = ctx.nowNanos();
                ctx.note("joining " + source + " from a snapshot");
                ctx.send(source, new SnapshotRequest());
            }
            case SnapshotChunk chunk
            when from.equals(source) && syncing == null && chunk.index() == expected -> write(chunk, ctx);
            case Write write -> ctx.send(from, new WriteRefused(write.requestId(), "loading a snapshot", source));
            default -> {}
        }
    }

    @Override
    public void onTimer(Timer timer, NodeContext ctx) {}

    @Override
    public void onSynced(long id, NodeContext ctx) {
        if (id != syncId) {
            return;
        }
        SnapshotChunk chunk = syncing;
        syncing = null;
        syncId = -1;
        received.addAll(chunk.pairs());
        bytes += chunk.sizeBytes();
        expected++;
        ctx.send(source, new SnapshotChunkAck(chunk.position(), chunk.index()));
        if (expected == chunk.count()) {
            node.loadSnapshot(source, chunk, received, bytes, ctx.nowNanos() - askedAtNanos, ctx);
        }
    }

    private void write(SnapshotChunk chunk, NodeContext ctx) {
        StringBuilder text = new StringBuilder();
        chunk.pairs().forEach(pair -> text.append(pair.key())
                .append('\t')
                .append(pair.value())
                .append('\n'));
        ctx.disk().append(SNAPSHOT_FILE, text.toString().getBytes(StandardCharsets.UTF_8));
        if (chunk.index() == chunk.count() - 1) {
            // The base and the role go to disk under the last chunk's sync: once loaded, the node reports the
            // snapshot's position as flushed (which a commit may count), and a restart must find it there.
            List<KeyValue> all = new ArrayList<>(received);
            all.addAll(chunk.pairs());
            node.keepSnapshot(source, chunk, all, ctx);
        }
        syncing = chunk;
        syncId = ctx.disk().sync();
    }
}
