package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import sdlab.consensus.raft.RaftConfig.Bug;
import sdlab.consensus.raft.RaftMessages.AppendEntries;
import sdlab.consensus.raft.RaftMessages.AppendReply;
import sdlab.consensus.raft.RaftMessages.Applied;
import sdlab.consensus.raft.RaftMessages.InstallSnapshot;
import sdlab.consensus.raft.RaftMessages.MembershipRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.Read;
import sdlab.consensus.raft.RaftMessages.ReadOk;
import sdlab.consensus.raft.RaftMessages.SnapshotChunkReply;
import sdlab.consensus.raft.RaftMessages.Submit;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * The leader's role for one term: it replicates its log to every follower, commits by the
 * current-term rule, takes client writes and serves reads by ReadIndex or from its lease.
 *
 * <p>Replication batches up to {@code batchEntriesMax} entries per AppendEntries and pipelines
 * up to {@code appendsInFlightMax} of them per follower without waiting for replies, advancing
 * the follower's next index optimistically; a refusal rewinds it to the follower's hint. A
 * follower that answered nothing for a whole heartbeat interval while appends were in flight is
 * probed again from its match index (the appends or their replies were lost). A follower whose
 * next index is inside the leader's snapshot gets the snapshot (InstallSnapshot) instead, a
 * chunk at a time, and appends go on after it.
 *
 * <p>Commit rule (Raft §5.4.2): an index stored on a majority (the leader counting itself only
 * for entries synced to its own disk) is committed only if its entry has the leader's term;
 * earlier entries are committed with it. Counting replicas of an earlier term's entry is the
 * planted bug of figure 8.
 *
 * <p>Membership (thesis §4.1): every majority here is one of the latest configuration in the
 * leader's log, committed or not; the leader counts itself only while it is a member of it (a
 * leader that removes itself keeps leading, without counting itself, until the change is
 * committed; then {@link RaftNode} steps it down). Followers are the configuration's other
 * members, updated whenever the leader appends a new configuration; admission of changes is in
 * {@link MembershipChanges}.
 */
final class Leadership {
    /** Client writes one leader keeps waiting for their entries to apply, at most. */
    static final int WRITES_WAITING_MAX = 10_000;

    /** What the leader knows about one follower. */
    private static final class Progress {
        long nextIndex;
        long matchIndex;
        int inFlight;
        long ackedRound;
        long heardNanos;
        boolean heardSinceTick;
        /** The snapshot (by its last index) being sent to it, how much of it it holds, whether a chunk is on its way. */
        long snapshotSending = -1;

        long snapshotOffset;
        boolean chunkInFlight;
    }

    private record PendingWrite(NodeId client, long sequence) {}

    /** When the leader's clock read {@code nanos}, heartbeat round {@code round} began. */
    private record RoundStart(long round, long nanos) {}

    /** Heartbeat rounds whose start a leader remembers while they wait for a majority, at most. */
    static final int ROUNDS_REMEMBERED_MAX = 1_024;

    private final NodeId self;
    private final long term;
    private final RaftConfig config;
    private final PersistentState state;
    private final Map<NodeId, Progress> followers = new TreeMap<>();
    private final Map<String, PendingWrite> writes = new HashMap<>();
    private final ReadIndex reads = new ReadIndex();
    private final ArrayDeque<RoundStart> roundStarts = new ArrayDeque<>();
    private final long firstIndex;
    private final MembershipChanges changes;
    private long selfDurableIndex;
    private long round;
    private boolean roundOpen;
    private long encodedIndex = -1;
    private byte[] encoded;
    /** The highest commit index sent to the followers so far. */
    private long commitAnnounced;

    /** {@code self} takes over in {@code term}: appends the no-op that will commit the term. */
    Leadership(NodeId self, long term, PersistentState state, RaftConfig config, long nowNanos) {
        this.self = self;
        this.term = term;
        this.config = config;
        this.state = state;
        this.firstIndex = state.append(new LogEntry(term, new Command.NoOp()));
        this.changes = new MembershipChanges(term, firstIndex, state, config);
        followMembers(nowNanos);
        state.barrier().afterDurable(new SyncBarrier.LeaderDurable(term, firstIndex));
    }

    /**
     * Makes the followers the current configuration's members other than the leader: a new one
     * starts probing at the end of the log (a refusal rewinds it) and counts as heard now, so
     * that check-quorum gives it an election timeout to answer; a removed one is forgotten.
     */
    private void followMembers(long nowNanos) {
        List<NodeId> members = state.log().members();
        followers.keySet().retainAll(members);
        for (NodeId member : members) {
            if (!member.equals(self) && !followers.containsKey(member)) {
                Progress progress = new Progress();
                progress.nextIndex = state.log().lastIndex();
                progress.heardNanos = nowNanos;
                followers.put(member, progress);
            }
        }
    }

    /**
     * The value a majority of the current configuration has reached, at least: its majority-th
     * highest, with {@code own} for the leader if it is a member (if not, it does not count).
     */
    private long onMajority(long own, ToLongFunction<Progress> of) {
        List<NodeId> members = state.log().members();
        long[] values = new long[members.size()];
        int i = 0;
        for (NodeId member : members) {
            values[i++] = member.equals(self) ? own : of.applyAsLong(followers.get(member));
        }
        Arrays.sort(values);
        return values[values.length - Members.majority(values.length)];
    }

    long term() {
        return term;
    }

    // ---- replication ----

    /** Sends what each follower lacks; with {@code heartbeat}, at least an empty AppendEntries to each. */
    void broadcast(boolean heartbeat, long commitIndex, NodeContext ctx) {
        followers.forEach((peer, progress) -> replicate(peer, progress, heartbeat, commitIndex, ctx));
    }

    private void replicate(NodeId peer, Progress progress, boolean heartbeat, long commitIndex, NodeContext ctx) {
        RaftLog log = state.log();
        boolean sent = false;
        while (progress.inFlight < config.appendsInFlightMax() && progress.nextIndex <= log.lastIndex()) {
            if (progress.nextIndex <= log.snapshotIndex()) {
                if (progress.chunkInFlight) {
                    break; // one chunk at a time: the next goes when this one is acknowledged
                }
                sendSnapshotChunk(peer, progress, ctx);
                sent = true;
                if (progress.nextIndex <= log.snapshotIndex()) {
                    break;
                }
                continue; // the last chunk is out: appends go on after the snapshot
            } else {
                List<LogEntry> batch = log.slice(progress.nextIndex, config.batchEntriesMax());
                send(peer, progress, progress.nextIndex - 1, batch, commitIndex, ctx);
                progress.nextIndex += batch.size();
            }
            sent = true;
        }
        if (heartbeat && !sent) {
            // An empty append at or after the snapshot: a follower that lacks it refuses, which rewinds it.
            send(peer, progress, Math.max(progress.nextIndex - 1, log.snapshotIndex()), List.of(), commitIndex, ctx);
        }
    }

    private void send(
            NodeId peer, Progress progress, long prevIndex, List<LogEntry> entries, long commitIndex, NodeContext ctx) {
        commitAnnounced = Math.max(commitAnnounced, commitIndex);
        progress.inFlight++;
        ctx.send(peer, new AppendEntries(term, prevIndex, state.log().termAt(prevIndex), entries, commitIndex, round));
    }

    /**
     * The follower needs entries that are compacted away: it gets the snapshot's next chunk, from
     * where it said it holds the snapshot up to; after the last, appends go on after the snapshot.
     */
    private void sendSnapshotChunk(NodeId peer, Progress progress, NodeContext ctx) {
        Snapshot snapshot = state.snapshot().orElseThrow();
        byte[] bytes = encoded(snapshot);
        if (progress.snapshotSending != snapshot.lastIndex()) {
            progress.snapshotSending = snapshot.lastIndex();
            progress.snapshotOffset = 0;
        }
        int from = (int) Math.min(progress.snapshotOffset, bytes.length);
        int to = (int) Math.min(bytes.length, (long) from + config.snapshotChunkBytes());
        boolean done = to == bytes.length;
        progress.inFlight++;
        progress.chunkInFlight = true;
        if (done) {
            progress.nextIndex = snapshot.lastIndex() + 1;
        }
        byte[] chunk = Arrays.copyOfRange(bytes, from, to);
        ctx.send(peer, new InstallSnapshot(term, snapshot.lastIndex(), snapshot.lastTerm(), from, chunk, done, round));
    }

    /** The snapshot's bytes as its file holds them, encoded once for every follower that needs them. */
    private byte[] encoded(Snapshot snapshot) {
        if (encodedIndex != snapshot.lastIndex()) {
            encoded = LogCodec.encodeSnapshot(snapshot);
            encodedIndex = snapshot.lastIndex();
        }
        return encoded;
    }

    /** A follower holds the snapshot up to {@code reply.nextOffset()}: the next chunk goes from there. */
    void onSnapshotChunkReply(NodeId from, SnapshotChunkReply reply, long commitIndex, NodeContext ctx) {
        Progress progress = followers.get(from);
        if (progress == null) {
            return;
        }
        heard(progress, reply.round(), ctx);
        if (reply.lastIndex() == progress.snapshotSending) {
            progress.snapshotOffset = reply.nextOffset();
            progress.chunkInFlight = false;
        }
        replicate(from, progress, false, commitIndex, ctx);
    }

    private static void heard(Progress progress, long round, NodeContext ctx) {
        progress.heardNanos = ctx.nowNanos();
        progress.heardSinceTick = true;
        progress.inFlight = Math.max(0, progress.inFlight - 1);
        progress.ackedRound = Math.max(progress.ackedRound, round);
    }

    /** A follower answered; returns the commit index after it. */
    long onAppendReply(NodeId from, AppendReply reply, long commitIndex, NodeContext ctx) {
        Progress progress = followers.get(from);
        if (progress == null) {
            return commitIndex;
        }
        heard(progress, reply.round(), ctx);
        if (reply.success()) {
            if (reply.matchIndex() >= progress.snapshotSending) {
                progress.chunkInFlight = false; // the snapshot being sent is installed (or overtaken)
            }
            progress.matchIndex = Math.max(progress.matchIndex, reply.matchIndex());
            progress.nextIndex = Math.max(progress.nextIndex, progress.matchIndex + 1);
        } else {
            // Appends still in flight after the refused one will be refused too: start over.
            progress.nextIndex = Math.max(progress.matchIndex + 1, Math.min(progress.nextIndex, reply.conflictIndex()));
            progress.inFlight = 0;
        }
        long committed = advanceCommit(commitIndex);
        replicate(from, progress, false, committed, ctx);
        return committed;
    }

    /** The leader's own log is durable up to {@code index}; returns the commit index after it. */
    long onSelfDurable(long index, long commitIndex) {
        selfDurableIndex = Math.max(selfDurableIndex, index);
        return advanceCommit(commitIndex);
    }

    /** Asks for the leader's own log to be counted once it is durable, up to its end now. */
    void countSelfWhenDurable() {
        state.barrier()
                .afterDurable(new SyncBarrier.LeaderDurable(term, state.log().lastIndex()));
    }

    private long advanceCommit(long commitIndex) {
        long onMajority = onMajority(selfDurableIndex, progress -> progress.matchIndex);
        if (onMajority <= commitIndex) {
            return commitIndex;
        }
        boolean ownTerm = state.log().termAt(onMajority) == term;
        return ownTerm || config.bug() == Bug.COMMIT_EARLIER_TERM_BY_COUNTING ? onMajority : commitIndex;
    }

    /** Every heartbeat interval; returns false if the leader lost touch with its quorum and must step down. */
    boolean onTick(long commitIndex, NodeContext ctx) {
        long now = ctx.nowNanos();
        long quietMax = Duration.ofMillis(config.electionTimeoutMsMax()).toNanos();
        List<NodeId> members = state.log().members();
        int inTouch = members.contains(self) ? 1 : 0;
        for (Progress progress : followers.values()) {
            if (progress.inFlight > 0 && !progress.heardSinceTick) {
                progress.inFlight = 0;
                progress.chunkInFlight = false;
                progress.nextIndex = progress.matchIndex + 1;
            }
            progress.heardSinceTick = false;
            inTouch += now - progress.heardNanos <= quietMax ? 1 : 0;
        }
        if (inTouch < Members.majority(members.size())) {
            return false; // check-quorum: a leader cut off from a majority stops pretending
        }
        if (config.readMode() == RaftConfig.ReadMode.LEASE) {
            openRound(now); // every heartbeat renews the lease once a majority acknowledges it
        }
        broadcast(true, commitIndex, ctx);
        return true;
    }

    // ---- client writes ----

    void onSubmit(NodeId client, Submit submit, KvStateMachine machine, NodeContext ctx) {
        Command.Write write = submit.command();
        KvStateMachine.Result cached = machine.cached(write.session(), write.sequence());
        if (cached != null) {
            ctx.send(client, answer(write, cached));
            return;
        }
        if (machine.isStale(write.session(), write.sequence())) {
            return; // the client has moved on; nobody waits for this answer
        }
        PendingWrite pending = writes.get(write.session());
        if (pending != null && pending.sequence() == write.sequence()) {
            return; // a retry of a write already in the log: its answer comes when it applies
        }
        if (writes.size() >= WRITES_WAITING_MAX) {
            ctx.send(client, new NotLeader(write.sequence(), Optional.empty()));
            return;
        }
        writes.put(write.session(), new PendingWrite(client, write.sequence()));
        state.append(new LogEntry(term, write));
        countSelfWhenDurable();
    }

    /** An application command, from this node or forwarded by another: appended, answered by nobody. */
    void onPropose(Command.Apply command) {
        state.append(new LogEntry(term, command));
        countSelfWhenDurable();
    }

    /** The entry of {@code write} was applied with {@code result} (null for a stale duplicate). */
    void onApplied(Command.Write write, KvStateMachine.Result result, NodeContext ctx) {
        PendingWrite pending = writes.get(write.session());
        if (pending == null || pending.sequence() > write.sequence()) {
            return;
        }
        writes.remove(write.session());
        if (pending.sequence() == write.sequence() && result != null) {
            ctx.send(pending.client(), answer(write, result));
        }
    }

    /** The reply that tells a client how its write was applied. */
    private static RaftMessages.ClientReply answer(Command.Write write, KvStateMachine.Result result) {
        return write instanceof Command.Txn
                ? new RaftMessages.TxnApplied(write.sequence(), result.ok(), result.failedCondition(), result.before())
                : new Applied(write.sequence(), result.ok(), result.value());
    }

    // ---- membership ----

    /** An administrator's membership change (see {@link MembershipChanges}). */
    void onMembershipRequest(NodeId client, MembershipRequest request, long commitIndex, NodeContext ctx) {
        if (changes.onRequest(client, request, commitIndex, ctx)) {
            configurationAppended(commitIndex, ctx);
        }
    }

    /** The commit index moved (at the end of every event): a held change may go ahead, a committed one is answered. */
    void onCommit(long commitIndex, NodeContext ctx) {
        if (changes.onCommit(commitIndex, ctx)) {
            configurationAppended(commitIndex, ctx);
        }
    }

    private void configurationAppended(long commitIndex, NodeContext ctx) {
        followMembers(ctx.nowNanos());
        countSelfWhenDurable();
        broadcast(false, commitIndex, ctx);
    }

    // ---- reads ----

    /**
     * A read: answered at once from the lease (in LEASE mode, if it holds and the read index is
     * applied), otherwise queued for the next heartbeat round (ReadIndex).
     */
    void onRead(NodeId client, Read read, long commitIndex, KvStateMachine machine, NodeContext ctx) {
        long readIndex = Math.max(commitIndex, firstIndex);
        if (config.readMode() == RaftConfig.ReadMode.LEASE
                && leaseHolds(ctx.nowNanos())
                && machine.lastApplied() >= readIndex) {
            ctx.send(client, new ReadOk(read.requestId(), machine.read(read.key())));
            return;
        }
        if (reads.isFull()) {
            ctx.send(client, new NotLeader(read.requestId(), Optional.empty()));
            return;
        }
        if (!roundOpen) {
            openRound(ctx.nowNanos());
            roundOpen = true;
        }
        reads.add(new ReadIndex.PendingRead(client, read.requestId(), read.key(), readIndex, round));
    }

    private void openRound(long nowNanos) {
        round++;
        if (roundStarts.size() == ROUNDS_REMEMBERED_MAX) {
            roundStarts.removeFirst(); // a leader this far behind on acknowledgements has no lease anyway
        }
        roundStarts.addLast(new RoundStart(round, nowNanos));
    }

    /**
     * Whether no other leader can have been elected yet: a majority acknowledged a round that
     * began less than the lease ago, by this leader's clock. Each of them received it after it
     * began and refuses votes for the shortest election timeout after, by its own clock; the
     * lease is shorter than that by the drift bound (see {@link RaftConfig#leaseNanos}).
     */
    private boolean leaseHolds(long nowNanos) {
        long confirmed = confirmedRound();
        while (!roundStarts.isEmpty() && roundStarts.peekFirst().round() < confirmed) {
            roundStarts.removeFirst();
        }
        RoundStart start = roundStarts.peekFirst();
        return start != null && start.round() == confirmed && nowNanos - start.nanos() < config.leaseNanos();
    }

    /**
     * At the end of an event: one heartbeat to everybody if new reads opened a round (to confirm
     * it) or the commit index moved (so that followers apply, and answer their own clients, now
     * rather than at the next heartbeat, as ZooKeeper's leader sends its COMMIT at once).
     */
    void closeRound(long commitIndex, NodeContext ctx) {
        if (roundOpen || commitIndex > commitAnnounced) {
            roundOpen = false;
            broadcast(true, commitIndex, ctx);
        }
    }

    void serveReads(KvStateMachine machine, NodeContext ctx) {
        for (ReadIndex.PendingRead read : reads.ready(confirmedRound(), machine.lastApplied())) {
            ctx.send(read.client(), new ReadOk(read.requestId(), machine.read(read.key())));
        }
    }

    /** The latest round a majority of the configuration (the leader included, if a member) has acknowledged. */
    private long confirmedRound() {
        return onMajority(round, progress -> progress.ackedRound);
    }

    /**
     * The lowest match index among the followers heard within an election timeout (Long.MAX_VALUE
     * if none): what the leader's log must still hold for them to catch up by appends.
     */
    long lowestMatchInTouch(long nowNanos) {
        long quietMax = Duration.ofMillis(config.electionTimeoutMsMax()).toNanos();
        long lowest = Long.MAX_VALUE;
        for (Progress progress : followers.values()) {
            if (nowNanos - progress.heardNanos <= quietMax) {
                lowest = Math.min(lowest, progress.matchIndex);
            }
        }
        return lowest;
    }

    /** The leader stepped down: everybody waiting is told to look elsewhere (writes may still commit). */
    void stepDown(NodeContext ctx) {
        changes.stepDown(ctx);
        writes.forEach(
                (session, pending) -> ctx.send(pending.client(), new NotLeader(pending.sequence(), Optional.empty())));
        writes.clear();
        for (ReadIndex.PendingRead read : reads.drain()) {
            ctx.send(read.client(), new NotLeader(read.requestId(), Optional.empty()));
        }
    }
}
