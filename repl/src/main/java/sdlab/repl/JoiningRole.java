package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.JoinFrom;
import sdlab.repl.ReplMessages.KeyValue;
import sdlab.repl.ReplMessages.SnapshotChunk;
import sdlab.repl.ReplMessages.SnapshotChunkAck;
import sdlab.repl.ReplMessages.SnapshotRequest;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplTimers.SnapshotOverdue;

/**
 * A node that has no data yet: it waits to be told whom to join, asks that primary for a snapshot, writes and syncs
 * each chunk before acknowledging it, and once the last is synced hands over to {@link ReplNode#loadSnapshot}, which
 * makes it a replica that catches up from the log after the snapshot's position. It serves no reads meanwhile (the
 * node refuses them), and its cache starts empty either way.
 *
 * <p>The primary it joins may die while it loads. The failover manager names the new primary to every candidate at
 * each check and at a promotion ({@link ReplMessages.Demote}, {@link ReplMessages.Follow}); a joiner told of a primary
 * other than its source drops what it has received and starts again from that one. A source that stops sending (it
 * restarted and forgot the transfer, or was asked before its promotion reached it) is asked again once no chunk came
 * for {@link #overdueNanos()}.
 */
final class JoiningRole implements Role {
    /** Where a joiner writes the chunks it received. */
    static final String SNAPSHOT_FILE = "repl-snapshot";
    /**
     * How long past a chunk's own transfer time a joiner waits for it before asking again: far more than a round trip
     * and the primary's work on one chunk, so that a slow primary is not made to start over and over.
     */
    private static final long CHUNK_SLACK_NANOS = 1_000_000_000L;

    private final ReplNode node;
    private final ReadReplicaSettings settings;
    private final Bug bug;
    private final List<KeyValue> received = new ArrayList<>();
    private NodeId source;
    private long askedAtNanos;
    private long bytes;
    private int expected;
    /** The position of the snapshot whose first chunk was taken: later chunks must belong to the same one. */
    private long snapshotPosition = -1;
    /**
     * Counts every request and every chunk taken since the node started: a {@link SnapshotOverdue} set before the
     * latest of them is stale.
     */
    private long progressMark;

    private SnapshotChunk syncing;
    private long syncId = -1;

    JoiningRole(ReplNode node, ReadReplicaSettings settings, Bug bug) {
        this.node = node;
        this.settings = settings;
        this.bug = bug;
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
                ask(ctx);
            }
            case SnapshotChunk chunk when from.equals(source) && syncing == null && belongs(chunk) -> write(chunk, ctx);
            case Write write -> ctx.send(from, new WriteRefused(write.requestId(), "loading a snapshot", source));
            default -> {}
        }
    }

    /**
     * The failover manager names {@code primary} as the store's primary. A joiner still loading from another starts
     * again from this one: the snapshot it has so far came from a node that no longer leads, and the new primary's
     * history may not continue it.
     */
    void onPrimaryNamed(NodeId primary, NodeContext ctx) {
        if (source == null || primary.equals(source) || bug == Bug.JOINER_WAITS_FOR_FIRST_PRIMARY) {
            return;
        }
        ctx.note("joining " + primary + " instead of " + source + ", which the failover manager no longer names: "
                + "starting the snapshot again");
        source = primary;
        startOver(ctx);
    }

    @Override
    public void onTimer(Timer timer, NodeContext ctx) {
        if (timer instanceof SnapshotOverdue overdue
                && overdue.progressMark() == progressMark
                && syncing == null
                && bug != Bug.JOINER_WAITS_FOR_FIRST_PRIMARY) {
            ctx.note("no snapshot chunk from " + source + " for " + overdueNanos() / 1_000_000 + " ms: asking again");
            startOver(ctx);
        }
    }

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
        } else {
            awaitChunk(ctx);
        }
    }

    /** The chunk this joiner waits for: the next index, of the snapshot it began taking (any, for the first). */
    private boolean belongs(SnapshotChunk chunk) {
        return chunk.index() == expected && (expected == 0 || chunk.position() == snapshotPosition);
    }

    /** Drops every chunk taken so far, on disk too, and asks {@link #source} for a snapshot from the beginning. */
    private void startOver(NodeContext ctx) {
        received.clear();
        bytes = 0;
        expected = 0;
        snapshotPosition = -1;
        ctx.disk().write(SNAPSHOT_FILE, new byte[0]);
        // A chunk being synced belongs to the snapshot given up: its sync, when it completes, is not waited for.
        syncing = null;
        syncId = -1;
        ask(ctx);
    }

    private void ask(NodeContext ctx) {
        progressMark++;
        ctx.send(source, new SnapshotRequest());
        awaitChunk(ctx);
    }

    private void awaitChunk(NodeContext ctx) {
        ctx.setTimer(Duration.ofNanos(overdueNanos()), new SnapshotOverdue(progressMark));
    }

    /** How long without a chunk before asking again: a whole chunk's transfer time and the slack. */
    private long overdueNanos() {
        long chunkBytes = Math.multiplyExact((long) settings.snapshotChunkPages(), settings.pageBytes());
        return settings.transferNanos(chunkBytes) + CHUNK_SLACK_NANOS;
    }

    private void write(SnapshotChunk chunk, NodeContext ctx) {
        progressMark++;
        snapshotPosition = chunk.position();
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
