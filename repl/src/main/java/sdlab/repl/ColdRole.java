package sdlab.repl;

import java.time.Duration;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.repl.ArchiveMessages.BaseBackup;
import sdlab.repl.ArchiveMessages.Fetch;
import sdlab.repl.ArchiveMessages.Segment;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplTimers.BootDone;
import sdlab.repl.ReplTimers.FetchRetry;
import sdlab.repl.ReplTimers.ReplayDone;

/**
 * A cold standby: a node that is not running. It holds its disk and nothing else happens until it is promoted; then
 * it starts ({@link ColdStandby#bootNanos()}), fetches the archive's latest base backup, writes it and the log after it
 * to its own disk, syncs, replays that log (the configured apply time per entry) and hands over to {@link
 * ReplNode#restored}, which makes it the primary. Whatever it held before (a replaced primary's log) is replaced. A
 * fetch the archive does not answer within an archive timeout (it is down, or the message was lost) is sent again. It
 * refuses writes throughout, and the node refuses reads.
 */
final class ColdRole implements Role {
    private enum Phase {
        COLD,
        BOOTING,
        FETCHING_BASE,
        FETCHING_LOG,
        SYNCING,
        REPLAYING
    }

    private final ReplNode node;
    private final ColdStandby settings;
    private Phase phase = Phase.COLD;
    private List<NodeId> replicas;
    private long startedNanos;
    private long basePosition;
    /** The sync that makes the base backup's file durable when no log entry follows it (whose sync would). */
    private long baseSyncId = -1;
    /** Fetches sent so far, and the last one, which a retry sends again. */
    private long fetches;

    private Fetch lastFetch;

    ColdRole(ReplNode node, ColdStandby settings) {
        this.node = node;
        this.settings = settings;
    }

    @Override
    public void start(NodeContext ctx) {}

    /** Told to take over, with these replicas: start, then restore. A second promotion meanwhile changes nothing. */
    void restore(List<NodeId> newReplicas, NodeContext ctx) {
        if (phase != Phase.COLD) {
            return;
        }
        replicas = List.copyOf(newReplicas);
        phase = Phase.BOOTING;
        startedNanos = ctx.nowNanos();
        ctx.note("cold standby starting, then restoring from " + settings.archive());
        ctx.setTimer(Duration.ofNanos(settings.bootNanos()), new BootDone());
    }

    /** Whether the node is between its promotion and its first write as primary. */
    boolean restoring() {
        return phase != Phase.COLD;
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Write write ->
                ctx.send(
                        from,
                        new WriteRefused(
                                write.requestId(),
                                restoring() ? "restoring from the archive" : "cold standby: not running",
                                null));
            case BaseBackup base
            when phase == Phase.FETCHING_BASE && from.equals(settings.archive()) -> {
                node.restoreBase(base, ctx);
                basePosition = base.position();
                phase = Phase.FETCHING_LOG;
                fetch(new Fetch(base.position()), ctx);
            }
            case Segment segment
            when phase == Phase.FETCHING_LOG && from.equals(settings.archive()) -> onSegment(segment, ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(Timer timer, NodeContext ctx) {
        switch (timer) {
            case BootDone done
            when phase == Phase.BOOTING -> {
                phase = Phase.FETCHING_BASE;
                fetch(new Fetch(-1), ctx);
            }
            case FetchRetry retry
            when retry.fetch() == fetches && (phase == Phase.FETCHING_BASE || phase == Phase.FETCHING_LOG) ->
                fetch(lastFetch, ctx);
            case ReplayDone done
            when phase == Phase.REPLAYING -> {
                ReplLog log = node.replLog();
                node.kvState().applyUpTo(log, log.lastPosition());
                node.restored(replicas, basePosition, ctx.nowNanos() - startedNanos, ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        ReplLog log = node.replLog();
        if (phase != Phase.SYNCING || (syncId != baseSyncId && log.onSynced(syncId, ctx.disk(), ctx.nowNanos()) < 0)) {
            return;
        }
        if (log.durablePosition() < log.lastPosition()) {
            log.syncSoon(ctx.disk(), ctx.nowNanos());
            return;
        }
        phase = Phase.REPLAYING;
        long entries = log.lastPosition() - node.kvState().appliedPosition();
        long replayNanos = Math.multiplyExact(entries, node.config().applyNanosPerEntry());
        ctx.setTimer(Duration.ofNanos(replayNanos), new ReplayDone());
    }

    /** The next stretch of the archived log: keep it and ask for more, or, when it is empty, sync and replay. */
    private void onSegment(Segment segment, NodeContext ctx) {
        ReplLog log = node.replLog();
        boolean answersLast = segment.entries().isEmpty()
                ? lastFetch.afterPosition() == log.lastPosition()
                : segment.entries().getFirst().position() == log.lastPosition() + 1;
        if (!answersLast) {
            return; // an answer to a fetch that was sent again, and answered twice
        }
        boolean skipsLog = node.config().bug() == Bug.RESTORE_SKIPS_ARCHIVED_LOG;
        if (!skipsLog) {
            segment.entries().forEach(entry -> log.append(entry, ctx.disk()));
        }
        if (!segment.entries().isEmpty() && !skipsLog) {
            fetch(new Fetch(log.lastPosition()), ctx);
            return;
        }
        phase = Phase.SYNCING;
        ctx.note("fetched the base backup at " + basePosition + " and the log up to " + log.lastPosition());
        if (log.durablePosition() < log.lastPosition()) {
            log.syncSoon(ctx.disk(), ctx.nowNanos()); // it covers the base backup's file too, written before
        } else {
            baseSyncId = ctx.disk().sync();
        }
    }

    /** Asks the archive, and asks again after an archive timeout unless an answer has moved the restore on. */
    private void fetch(Fetch request, NodeContext ctx) {
        lastFetch = request;
        fetches++;
        ctx.send(settings.archive(), request);
        ctx.setTimer(Duration.ofNanos(settings.archiveEveryNanos()), new FetchRetry(fetches));
    }
}
