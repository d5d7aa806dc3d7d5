package sdlab.repl;

import java.time.Duration;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplConfig.Mode;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplMessages.Progress;
import sdlab.repl.ReplMessages.Ship;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplTimers.ApplyNext;

/**
 * A replica: appends what its source ships to its relay log, syncs it, reports how far it has received, flushed
 * and applied, and applies synced entries one at a time (each taking the configured apply time, as a single
 * applier thread does). It reports after every shipment (which echoes the send time for the round trip), after
 * every sync, and after applying: after every entry when the primary waits for remote_apply, else when the applier
 * has caught up.
 *
 * <p>It refuses writes, naming its source. Entries that do not follow its log (duplicates, or after a gap left by a
 * lost shipment) are dropped; the primary ships again from what the replica reported.
 */
final class ReplicaRole implements Role {
    private final ReplConfig config;
    private final NodeId self;
    private final NodeId source;
    private final ReplLog log;
    private final KvState state;
    private final ReplObserver observer;
    /** The node's buffer cache, or null without one: applying an entry whose page is not in it reads the disk first. */
    private final PageCache cache;

    private final long missNanos;
    private boolean applyingMissed;
    private long knownHeadPosition;
    private long knownHeadOffsetBytes;
    /** The primary's send time of the newest shipment received: the receive lag's reference. */
    private long newestSentAtNanos;

    private long reportedFlushed;
    private boolean applying;
    /**
     * Whether this node has yet to cut its log back to where its source became primary: true when it just changed
     * source (a failover, or a deposed primary rejoining), false once done or when it restarted under the same one.
     */
    private boolean realign;

    ReplicaRole(
            ReplConfig config,
            NodeId self,
            NodeId source,
            ReplLog log,
            KvState state,
            ReplObserver observer,
            boolean realign,
            PageCache cache,
            long missNanos) {
        this.config = config;
        this.cache = cache;
        this.missNanos = missNanos;
        this.realign = realign;
        this.self = self;
        this.source = source;
        this.log = log;
        this.state = state;
        this.observer = observer;
    }

    @Override
    public void start(NodeContext ctx) {
        log.syncSoon(ctx.disk(), ctx.nowNanos());
        reportedFlushed = log.durablePosition();
        if (!realign) {
            // A node that must first cut its log back reports only after doing so (at its first shipment), so that
            // its new source never takes the positions of another primary's entries for its own.
            report(ctx);
        }
        startApplying(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Ship ship -> {
                if (from.equals(source)) {
                    onShip(ship, ctx);
                }
            }
            case Write write -> ctx.send(from, new WriteRefused(write.requestId(), "read-only replica", source));
            default -> {}
        }
    }

    @Override
    public void onTimer(Timer timer, NodeContext ctx) {
        // A timer set by this node's previous role (before it changed source) may fire here too: apply only what
        // is synced and not yet applied.
        if (timer instanceof ApplyNext && state.appliedPosition() < log.durablePosition()) {
            applying = false;
            Entry entry = log.entry(state.appliedPosition() + 1);
            state.apply(entry);
            if (cache != null) {
                cache.load(entry.key());
            }
            observer.applied(self, entry, applyingMissed, ctx.nowNanos());
            if (waitedForApply() || state.appliedPosition() == log.durablePosition()) {
                report(ctx);
            }
            startApplying(ctx);
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        long took = log.onSynced(syncId, ctx.disk(), ctx.nowNanos());
        if (took < 0) {
            return;
        }
        observer.relaySynced(self, took);
        reportedFlushed = Math.max(reportedFlushed, log.durablePosition());
        report(ctx);
        startApplying(ctx);
    }

    NodeId source() {
        return source;
    }

    ReplicaLag lag(long nowNanos) {
        long received = log.lastPosition();
        long applied = state.appliedPosition();
        long behindSource = applied < received
                ? Math.max(0, nowNanos - log.entry(applied + 1).commitNanos())
                : 0;
        return new ReplicaLag(
                Math.max(0, knownHeadPosition - received),
                Math.max(0, knownHeadPosition - applied),
                Math.max(0, knownHeadOffsetBytes - log.lastOffsetBytes()),
                behindSource,
                newestSentAtNanos == 0 ? -1 : nowNanos - newestSentAtNanos);
    }

    private void onShip(Ship ship, NodeContext ctx) {
        if (realign) {
            realign = false;
            discardBeyond(ship.epochStartPosition(), ctx);
        }
        newestSentAtNanos = Math.max(newestSentAtNanos, ship.sentAtNanos());
        knownHeadPosition = Math.max(knownHeadPosition, ship.headPosition());
        knownHeadOffsetBytes = Math.max(knownHeadOffsetBytes, ship.headOffsetBytes());
        boolean appended = false;
        for (Entry entry : ship.entries()) {
            if (entry.position() == log.lastPosition() + 1) {
                log.append(entry, ctx.disk());
                appended = true;
            } else if (entry.position() > log.lastPosition() + 1) {
                break; // a gap: an earlier shipment was lost; the primary will ship again from our position
            }
        }
        if (appended) {
            log.syncSoon(ctx.disk(), ctx.nowNanos());
            if (config.bug() == Bug.ACK_BEFORE_RELAY_SYNC) {
                reportedFlushed = log.lastPosition(); // the planted bug: "flushed" before the sync
            }
        }
        report(ship.sentAtNanos(), ctx);
    }

    /**
     * Drops what this node holds beyond {@code position}: entries written by a primary that the source replaced, which
     * the source's history does not hold. A deposed primary loses here the writes it took after it was replaced.
     */
    private void discardBeyond(long position, NodeContext ctx) {
        if (position < log.basePosition()) {
            // The source was promoted behind the snapshot this node loaded: the snapshot holds entries of the old
            // primary that the source's history lacks, and only a new snapshot would take them out.
            ctx.note("holds a snapshot at " + log.basePosition() + ", beyond " + source + "'s history, which began at "
                    + position + ": its state may hold writes the source lacks");
        }
        long dropped = log.truncateTo(position, ctx.disk());
        if (dropped == 0) {
            return;
        }
        state.resetTo(log, Math.min(state.appliedPosition(), position));
        reportedFlushed = Math.min(reportedFlushed, log.durablePosition());
        ctx.note("discarded " + dropped + " entries after position " + position + " to follow " + source);
        observer.discarded(self, source, dropped, ctx.nowNanos());
    }

    /** Applies the next synced entry, after the apply time (at once when it is zero). */
    private void startApplying(NodeContext ctx) {
        if (applying || state.appliedPosition() >= log.durablePosition()) {
            return;
        }
        if (config.applyNanosPerEntry() == 0 && cache == null) {
            while (state.appliedPosition() < log.durablePosition()) {
                Entry entry = log.entry(state.appliedPosition() + 1);
                state.apply(entry);
                observer.applied(self, entry, false, ctx.nowNanos());
            }
            report(ctx);
            return;
        }
        applying = true;
        // A single applier: a page it must change that is not in memory is read first (InnoDB reads the page into the
        // buffer pool before changing it), so a cold replica applies slower and falls behind.
        applyingMissed = cache != null
                && !cache.holds(log.entry(state.appliedPosition() + 1).key());
        long nanos = config.applyNanosPerEntry() + (applyingMissed ? missNanos : 0);
        ctx.setTimer(Duration.ofNanos(nanos), new ApplyNext(source));
    }

    private boolean waitedForApply() {
        return config.mode() == Mode.SYNC && config.syncLevel() == SyncLevel.REMOTE_APPLY;
    }

    private void report(NodeContext ctx) {
        report(0, ctx);
    }

    /**
     * Reports the positions. Only the answer to a shipment echoes its send time: a report sent later (after a sync or
     * an apply) would make the primary's round trip include the replica's disk.
     */
    private void report(long echoSentAtNanos, NodeContext ctx) {
        ctx.send(
                source,
                new Progress(
                        log.lastPosition(),
                        Math.max(reportedFlushed, log.durablePosition()),
                        state.appliedPosition(),
                        echoSentAtNanos));
    }
}
