package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ArchiveMessages.Archived;
import sdlab.repl.ArchiveMessages.BaseBackup;
import sdlab.repl.LeaseMessages.LeaseGrant;
import sdlab.repl.LeaseMessages.LeaseRefused;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.Demote;
import sdlab.repl.ReplMessages.Fenced;
import sdlab.repl.ReplMessages.Follow;
import sdlab.repl.ReplMessages.LagProbe;
import sdlab.repl.ReplMessages.Promote;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplMessages.Ship;
import sdlab.repl.ReplMessages.SnapshotChunkAck;
import sdlab.repl.ReplMessages.SnapshotRequest;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.ArchiveDue;
import sdlab.repl.ReplTimers.PageReadDone;
import sdlab.repl.ReplTimers.ReadTimeout;
import sdlab.repl.ReplTimers.SnapshotNextChunk;

/**
 * One node of the replicated store, primary or replica. It owns the log, the readable state and the reads that
 * wait for a position, and hands everything else to its role ({@link PrimaryRole}, {@link ReplicaRole}).
 *
 * <p>The role survives a restart: a promotion, a new source, or a replica added to a primary (one that joined it
 * from a snapshot) is written to the file {@value #ROLE_FILE} and synced, and a restarted node reads it back (without
 * it, the configuration's primary is primary, with the configuration's replicas). A restarted node
 * recovers its log from disk, where only synced entries remain, after the base backup in {@value #BASE_FILE} if it
 * was restored from an archive.
 *
 * <p>In a cold-standby pair ({@link ColdStandby}) the primary also ships its log to the archive ({@link Archiver}),
 * the standby waits in a {@link ColdRole}, a promotion restores it before it takes writes, and a primary that is
 * replaced goes cold instead of following its successor.
 */
public final class ReplNode implements Node {
    static final String ROLE_FILE = "repl-role";
    static final String BASE_FILE = "repl-base";
    private static final String PRIMARY = "primary";
    private static final String COLD = "cold";

    private final ReplConfig config;
    private final ReplObserver observer;
    /** The lease a primary must hold, or null when primaries need none. */
    private final LeaseSettings lease;
    /** Late joining, snapshots and the page cache. */
    private final ReadReplicaSettings readSide;
    /** The cold-standby arrangement, or null when the node is no part of one. */
    private final ColdStandby cold;
    /** Ships the log to the cold standby's archive while this node is primary; null without one. */
    private final Archiver archiver;
    /** The highest fencing token this node has seen; kept in memory only, so a restart relearns it. */
    private long tokenSeen;

    private ReplLog log;
    private KvState state;
    private ReadWaits reads;
    private PageReads pages;
    private SnapshotSender snapshots;
    private Role role;
    private long appliedSeen;
    /**
     * Joiners this primary has added to its replicas, by the id of the sync that puts them in its role file: each
     * one's snapshot starts once that sync completes.
     */
    private final Map<Long, NodeId> joinersAdmitting = new TreeMap<>();

    public ReplNode(ReplConfig config, ReplObserver observer) {
        this(config, observer, (LeaseSettings) null);
    }

    /**
     * A node whose primaries must hold the lease {@code lease} describes, and whose replicas check its fencing token
     * when {@code lease.fenced()}; {@code lease} null for none.
     */
    public ReplNode(ReplConfig config, ReplObserver observer, LeaseSettings lease) {
        this(config, observer, lease, ReadReplicaSettings.NONE);
    }

    /**
     * A node that reads through a page cache, sends snapshots as primary, and (when {@code readSide.joinsLate()})
     * starts empty and joins from a snapshot once told to.
     */
    public ReplNode(ReplConfig config, ReplObserver observer, LeaseSettings lease, ReadReplicaSettings readSide) {
        this(config, observer, lease, readSide, null);
    }

    /**
     * A node of a cold-standby pair: the primary ships its log to {@code cold.archive()}; the standby ({@code
     * cold.startsCold()}) waits to be promoted, and restores from the archive when it is.
     */
    public ReplNode(ReplConfig config, ReplObserver observer, ColdStandby cold) {
        this(config, observer, null, ReadReplicaSettings.NONE, Objects.requireNonNull(cold, "cold"));
    }

    private ReplNode(
            ReplConfig config,
            ReplObserver observer,
            LeaseSettings lease,
            ReadReplicaSettings readSide,
            ColdStandby cold) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.lease = lease;
        this.readSide = Objects.requireNonNull(readSide, "readSide");
        this.cold = cold;
        this.archiver = cold == null ? null : new Archiver(cold);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        state = new KvState();
        var base = BaseBackupFile.read(ctx.disk(), BASE_FILE);
        if (base.isPresent()) {
            log = ReplLog.recover(
                    ctx.disk(), ReplLog.FILE, base.get().position(), base.get().offsetBytes());
            state.load(base.get().pairs(), base.get().position(), base.get().commitNanos());
        } else {
            log = ReplLog.recover(ctx.disk());
        }
        pages = new PageReads(readSide, observer);
        reads = new ReadWaits(config.readWaitsMax(), pages);
        snapshots = new SnapshotSender(readSide);
        joinersAdmitting.clear();
        String saved = ctx.disk()
                .read(ROLE_FILE)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        if (cold != null) {
            ctx.setTimer(Duration.ofNanos(cold.archiveEveryNanos()), new ArchiveDue());
        }
        if (saved.equals(COLD) || (saved.isEmpty() && cold != null && cold.startsCold())) {
            become(new ColdRole(this, cold), ctx);
        } else if (saved.startsWith(PRIMARY)) {
            List<NodeId> replicas = saved.lines().skip(1).map(NodeId::of).toList();
            become(primary(config.withMembers(ctx.self(), replicas), ctx), ctx);
        } else if (readSide.joinsLate() && saved.isEmpty()) {
            become(new JoiningRole(this, readSide, config.bug()), ctx);
        } else if (!saved.isEmpty()) {
            become(replicaOf(NodeId.of(saved.strip()), false, ctx), ctx);
        } else if (ctx.self().equals(config.primary())) {
            become(primary(config, ctx), ctx);
        } else {
            become(replicaOf(config.primary(), false, ctx), ctx);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case LeaseMessages answer -> onLease(answer, ctx);
            case ReplMessages repl -> onRepl(from, repl, ctx);
            case Archived archived
            when archiver != null && role instanceof PrimaryRole -> archiver.onArchived(archived);
            case ArchiveMessages archive -> role.onMessage(from, archive, ctx);
            default -> {}
        }
        releaseReads(ctx);
    }

    private void onRepl(NodeId from, ReplMessages message, NodeContext ctx) {
        switch (message) {
            case Read read
            when role instanceof JoiningRole && config.bug() != Bug.SERVES_BEFORE_SNAPSHOT ->
                ctx.send(from, new ReadRefused(read.requestId(), "loading a snapshot", 0, null));
            case Read read
            when role instanceof ColdRole ->
                ctx.send(from, new ReadRefused(read.requestId(), "cold standby: not serving", 0, null));
            case Read read
            when read.primaryOnly() && !(role instanceof PrimaryRole) ->
                ctx.send(
                        from,
                        new ReadRefused(
                                read.requestId(), "not the primary", state.appliedPosition(), source().orElse(null)));
            case Read read -> reads.onRead(from, read, state, ctx);
            case LagProbe probe -> ctx.send(from, lagReport(probe, ctx));
            case SnapshotRequest request when role instanceof PrimaryRole primary -> admitJoiner(from, primary, ctx);
            case SnapshotChunkAck ack when role instanceof PrimaryRole -> snapshots.onAck(from, ack, ctx);
            case StatusRequest request
            when role instanceof JoiningRole ->
                // Loading a snapshot, it holds no log yet, and has acknowledged nothing: a failover manager may count
                // the answer but must not promote it.
                ctx.send(from, new Status(request.round(), false, Status.LOADING));
            case StatusRequest request ->
                ctx.send(from, new Status(request.round(), role instanceof PrimaryRole, log.lastPosition()));
            case Promote promote -> promote(promote, ctx);
            // A joiner holds nothing yet that a token would protect: it takes the manager's word, fenced or not.
            case Follow follow
            when role instanceof JoiningRole joining -> joining.onPrimaryNamed(follow.primary(), ctx);
            case Demote demote
            when role instanceof JoiningRole joining -> joining.onPrimaryNamed(demote.primary(), ctx);
            case Follow follow -> {
                if (!fenced()
                        && role instanceof ReplicaRole replica
                        && !replica.source().equals(follow.primary())) {
                    follow(follow.primary(), ctx);
                }
            }
            case Demote demote -> {
                // A fenced node follows the token alone: the newest primary's shipments tell it, and a message from
                // the manager, which may arrive late or out of order, cannot contradict them.
                if (!fenced()) {
                    onDemote(demote, ctx);
                }
            }
            case Fenced fenced -> {
                if (role instanceof PrimaryRole primary
                        && fenced.token() > primary.lease().token()) {
                    stepDown(fenced.primary(), "fenced: " + fenced.primary() + " holds token " + fenced.token(), ctx);
                }
            }
            case Ship ship when fenced() -> Fencing.onShip(this, from, ship, ctx);
            default -> role.onMessage(from, message, ctx);
        }
    }

    private boolean fenced() {
        return lease != null && lease.fenced();
    }

    private void onLease(LeaseMessages answer, NodeContext ctx) {
        if (!(role instanceof PrimaryRole primary)) {
            return; // an answer to a request made while this node was primary
        }
        switch (answer) {
            case LeaseGrant grant -> {
                primary.lease().onGrant(grant, ctx);
                tokenSeen = Math.max(tokenSeen, grant.token());
            }
            case LeaseRefused refused -> primary.lease().onRefused(refused, ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof ReadTimeout timeout) {
            reads.onTimeout(timeout, state, ctx);
        } else if (timer instanceof PageReadDone done) {
            pages.onDone(done, state, ctx);
        } else if (timer instanceof SnapshotNextChunk next) {
            if (role instanceof PrimaryRole) {
                snapshots.onNext(next, ctx);
            }
        } else if (timer instanceof ArchiveDue) {
            if (role instanceof PrimaryRole) {
                archiver.onTimeout(log, ctx);
            }
            ctx.setTimer(Duration.ofNanos(cold.archiveEveryNanos()), new ArchiveDue());
        } else {
            role.onTimer(timer, ctx);
        }
        releaseReads(ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        NodeId admitted = joinersAdmitting.remove(syncId);
        if (admitted != null && role instanceof PrimaryRole) {
            snapshots.onRequest(admitted, state, log, ctx);
        }
        role.onSynced(syncId, ctx);
        releaseReads(ctx);
    }

    /** Whether this node acts as primary now. */
    public boolean isPrimary() {
        return role instanceof PrimaryRole;
    }

    /** Whether this node acts as primary and takes writes now (a primary without its lease does not). */
    public boolean takesWrites() {
        return role instanceof PrimaryRole primary && primary.lease().writable();
    }

    /** The last position in this node's log (received, for a replica). */
    public long lastPosition() {
        return log.lastPosition();
    }

    /**
     * The position this node's log continues from: 0 for a log from the beginning, else that of the snapshot or base
     * backup it was started from (which {@link #log()} does not hold).
     */
    public long basePosition() {
        return log.basePosition();
    }

    /** The last position a reader here sees. */
    public long appliedPosition() {
        return state.appliedPosition();
    }

    /** Every entry in this node's log, in order. */
    public List<Entry> log() {
        return log.entries();
    }

    /** The semi-sync status and counters, if this node is primary. */
    public Optional<SemiSyncStatus> semiSync() {
        return role instanceof PrimaryRole primary ? Optional.of(primary.semiSync()) : Optional.empty();
    }

    /** How far behind this node is, if it is a replica, by its clock at {@code nowNanos}. */
    public Optional<ReplicaLag> lag(long nowNanos) {
        return role instanceof ReplicaRole replica ? Optional.of(replica.lag(nowNanos)) : Optional.empty();
    }

    /** The node this replica copies from, if it is a replica. */
    public Optional<NodeId> source() {
        return role instanceof ReplicaRole replica ? Optional.of(replica.source()) : Optional.empty();
    }

    /** How far each replica has taken the log, as this primary last heard; empty on a replica. */
    public List<ReplicaPosition> replicaPositions() {
        return role instanceof PrimaryRole primary ? primary.replicaPositions() : List.of();
    }

    /**
     * The value {@code key} has after the last entry in this node's log, committed or still waiting (null if never
     * written or deleted): what a read-modify-write on the primary builds on, since the next entry follows them all.
     * Readers see {@link #appliedPosition()} instead.
     */
    public String valueAtHead(String key) {
        for (long position = log.lastPosition(); position > state.appliedPosition(); position--) {
            Entry entry = log.entry(position);
            if (entry.key().equals(key)) {
                return entry.value().equals(Entry.DELETED) ? null : entry.value();
            }
        }
        return state.value(key);
    }

    private void promote(Promote promote, NodeContext ctx) {
        if (role instanceof PrimaryRole) {
            return;
        }
        if (role instanceof ColdRole standby) {
            standby.restore(promote.replicas(), ctx); // it becomes primary once restored
            return;
        }
        becomePrimary(promote.replicas(), ctx);
    }

    private void becomePrimary(List<NodeId> replicas, NodeContext ctx) {
        save(primaryText(replicas), ctx);
        ctx.note("promoted at position " + log.lastPosition());
        observer.promoted(ctx.self(), log.lastPosition(), ctx.nowNanos());
        if (archiver != null) {
            archiver.restart();
        }
        become(primary(config.withMembers(ctx.self(), replicas), ctx), ctx);
    }

    /**
     * {@code joiner} asks for a snapshot: it becomes one of the replicas this primary ships to and counts. It is
     * written into the role file first, beside the replicas this node was configured or promoted with, and its
     * snapshot goes out once that is synced: so before the joiner can report a position (and a commit count it), a
     * restart of this primary would find it. Without the file, a primary that restarted (and was never promoted, so
     * knew its replicas from the configuration) ignored an added replica's reports and shipped it nothing.
     */
    private void admitJoiner(NodeId joiner, PrimaryRole primary, NodeContext ctx) {
        if (joinersAdmitting.containsValue(joiner)) {
            return; // asked again while its admission is being synced: the snapshot follows that sync
        }
        if (!primary.addReplica(joiner) || config.bug() == Bug.PRIMARY_FORGETS_ADDED_REPLICAS) {
            snapshots.onRequest(joiner, state, log, ctx); // already in the role file (or, under the bug, never)
            return;
        }
        joinersAdmitting.put(save(primaryText(primary.replicas()), ctx), joiner);
    }

    private static String primaryText(List<NodeId> replicas) {
        StringBuilder text = new StringBuilder(PRIMARY).append('\n');
        replicas.forEach(replica -> text.append(replica.name()).append('\n'));
        return text.toString();
    }

    private void onDemote(Demote demote, NodeContext ctx) {
        if (role instanceof PrimaryRole) {
            stepDown(demote.primary(), "replaced by " + demote.primary(), ctx);
        } else if (role instanceof ReplicaRole replica && !replica.source().equals(demote.primary())) {
            follow(demote.primary(), ctx);
        }
    }

    /** This primary was replaced: it follows {@code primary} and will discard what that one's history lacks. */
    void stepDown(NodeId primary, String reason, NodeContext ctx) {
        ctx.note("stepping down: " + reason);
        observer.steppedDown(ctx.self(), reason, ctx.nowNanos());
        if (role instanceof PrimaryRole old) {
            old.abandonPending("stepped down (" + reason + ")", primary, ctx);
        }
        follow(primary, ctx);
    }

    /**
     * Replicate from {@code primary} from now on, cutting the log back at its first shipment; in a cold-standby pair,
     * go cold instead: the next standby.
     */
    void follow(NodeId primary, NodeContext ctx) {
        if (cold != null) {
            save(COLD, ctx);
            ctx.note("replaced by " + primary + ": going cold");
            become(new ColdRole(this, cold), ctx);
            return;
        }
        save(primary.name(), ctx);
        become(replicaOf(primary, true, ctx), ctx);
    }

    /** Only under a planted bug: follow {@code primary} at once, its shipments taking this log's place after {@code position}. */
    void adopt(NodeId primary, long position, NodeContext ctx) {
        long dropped = log.truncateTo(position, ctx.disk());
        state.resetTo(log, Math.min(state.appliedPosition(), position));
        observer.discarded(ctx.self(), primary, dropped, ctx.nowNanos());
        save(primary.name(), ctx);
        become(replicaOf(primary, false, ctx), ctx);
    }

    /**
     * The last snapshot chunk is about to be synced: the snapshot becomes the node's base ({@value #BASE_FILE}, the
     * format a restored cold standby's base backup has), its relay log starts empty after it, and its role names
     * {@code primary}, all under that chunk's sync. A restart then recovers the state and the relay log after it,
     * reports the position it holds, and its source ships from there rather than from the beginning.
     */
    void keepSnapshot(
            NodeId primary, ReplMessages.SnapshotChunk last, List<ReplMessages.KeyValue> pairs, NodeContext ctx) {
        if (config.bug() == Bug.SNAPSHOT_BASE_IN_MEMORY) {
            return;
        }
        BaseBackupFile.write(
                ctx.disk(), BASE_FILE, new BaseBackup(last.position(), last.commitNanos(), last.offsetBytes(), pairs));
        ctx.disk().write(ReplLog.FILE, new byte[0]);
        ctx.disk().write(ROLE_FILE, primary.name().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last snapshot chunk is synced (and with it what {@link #keepSnapshot} wrote): the state is the snapshot's,
     * the log continues after its position, and the node replicates from {@code primary} from there. The cache stays
     * as it was: empty.
     */
    void loadSnapshot(
            NodeId primary,
            ReplMessages.SnapshotChunk last,
            List<ReplMessages.KeyValue> pairs,
            long bytes,
            long tookNanos,
            NodeContext ctx) {
        log = ReplLog.startingAt(last.position(), last.offsetBytes());
        state.load(pairs, last.position(), last.commitNanos());
        ctx.note(
                "snapshot loaded at position " + last.position() + ": " + pairs.size() + " pages, " + bytes + " bytes");
        observer.snapshotLoaded(ctx.self(), last.position(), bytes, tookNanos, ctx.nowNanos());
        save(primary.name(), ctx);
        become(replicaOf(primary, false, ctx), ctx);
    }

    /**
     * A cold standby fetched the archive's base backup: the state is the backup's, and the log, emptied, continues
     * after it. The backup is written beside the log, so that a restart recovers both.
     */
    void restoreBase(BaseBackup base, NodeContext ctx) {
        BaseBackupFile.write(ctx.disk(), BASE_FILE, base);
        log = ReplLog.restoredAt(base.position(), base.offsetBytes(), ctx.disk());
        state.load(base.pairs(), base.position(), base.commitNanos());
    }

    /** A cold standby finished its restore (the log fetched, synced and replayed): it takes over as primary. */
    void restored(List<NodeId> replicas, long basePosition, long tookNanos, NodeContext ctx) {
        ctx.note("restored in " + tookNanos / 1_000_000 + " ms: base backup at " + basePosition + ", log up to "
                + log.lastPosition());
        observer.restored(ctx.self(), basePosition, log.lastPosition(), tookNanos, ctx.nowNanos());
        becomePrimary(replicas, ctx);
    }

    /** Whether this node is a cold standby, restoring or not (it serves nothing). */
    public boolean cold() {
        return role instanceof ColdRole;
    }

    /** Whether this node is still loading a snapshot (it serves no reads). */
    public boolean joining() {
        return role instanceof JoiningRole;
    }

    /** Reads that found their page in the cache, and those that read the disk (both 0 without a cache). */
    public long cacheHits() {
        return pages.cacheHits();
    }

    public long cacheMisses() {
        return pages.cacheMisses();
    }

    private ReplMessages.LagReport lagReport(LagProbe probe, NodeContext ctx) {
        if (role instanceof ReplicaRole replica) {
            ReplicaLag lag = replica.lag(ctx.nowNanos());
            // Seconds_Behind_Source reads 0 when the applier has nothing left to apply, even if the primary has
            // announced entries not yet received (after a snapshot, the first heartbeat comes before the entries). A
            // replica that knows it is behind but not by how long says it is not ready rather than 0.
            boolean known = lag.receiveLagNanos() >= 0
                    && !(lag.entriesBehindReceived() > 0 && lag.secondsBehindSourceNanos() == 0);
            return new ReplMessages.LagReport(
                    probe.round(), known, lag.secondsBehindSourceNanos(), state.appliedPosition(), replica.source());
        }
        return new ReplMessages.LagReport(probe.round(), role instanceof PrimaryRole, 0, state.appliedPosition(), null);
    }

    long tokenSeen() {
        return tokenSeen;
    }

    void sawToken(long token) {
        tokenSeen = Math.max(tokenSeen, token);
    }

    Role role() {
        return role;
    }

    ReplConfig config() {
        return config;
    }

    ReplLog replLog() {
        return log;
    }

    KvState kvState() {
        return state;
    }

    private PrimaryRole primary(ReplConfig members, NodeContext ctx) {
        LeaseKeeper keeper = lease == null ? LeaseKeeper.none() : LeaseKeeper.of(lease, config.bug(), tokenSeen);
        return new PrimaryRole(members, ctx.self(), log, state, observer, keeper);
    }

    private ReplicaRole replicaOf(NodeId source, boolean realign, NodeContext ctx) {
        PageCache cache = readSide.cached() ? pages.cache() : null;
        return new ReplicaRole(config, ctx.self(), source, log, state, observer, realign, cache, readSide.missNanos());
    }

    private void become(Role next, NodeContext ctx) {
        role = next;
        role.start(ctx);
    }

    /** Writes the role file and asks for a sync (the log's own may come first); returns the sync's id. */
    private static long save(String text, NodeContext ctx) {
        ctx.disk().write(ROLE_FILE, text.getBytes(StandardCharsets.UTF_8));
        return ctx.disk().sync();
    }

    private void releaseReads(NodeContext ctx) {
        if (state.appliedPosition() != appliedSeen) {
            appliedSeen = state.appliedPosition();
            reads.release(state, ctx);
        }
    }
}
