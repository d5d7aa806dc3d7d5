package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.consensus.raft.RaftConfig.Bug;
import sdlab.consensus.raft.RaftMessages.AppendEntries;
import sdlab.consensus.raft.RaftMessages.AppendReply;
import sdlab.consensus.raft.RaftMessages.ClientReply;
import sdlab.consensus.raft.RaftMessages.ClientRequest;
import sdlab.consensus.raft.RaftMessages.InstallSnapshot;
import sdlab.consensus.raft.RaftMessages.MembershipRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.PreVote;
import sdlab.consensus.raft.RaftMessages.PreVoteReply;
import sdlab.consensus.raft.RaftMessages.Propose;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.consensus.raft.RaftMessages.Read;
import sdlab.consensus.raft.RaftMessages.RequestVote;
import sdlab.consensus.raft.RaftMessages.SnapshotChunkReply;
import sdlab.consensus.raft.RaftMessages.Submit;
import sdlab.consensus.raft.RaftMessages.VoteReply;
import sdlab.consensus.raft.RaftTimers.ElectionTimeout;
import sdlab.consensus.raft.RaftTimers.RaftTimer;
import sdlab.consensus.raft.RaftTimers.Tick;
import sdlab.consensus.raft.SyncBarrier.Deferred;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * One Raft server (Ongaro and Ousterhout 2014; Ongaro's thesis for pre-vote, check-quorum,
 * ReadIndex and sessions) replicating a {@link KvStateMachine} and, if given one, an {@link
 * Application} (whose commands it orders but does not read). This class holds the role and
 * the volatile state and routes events; replication and reads as leader are in {@link
 * Leadership}, the durable state in {@link PersistentState}.
 *
 * <p>Every event ends in {@link #settle}: committed entries are applied, the event's disk
 * writes are synced with one sync, and what waited for earlier syncs runs. Replies that promise
 * something (a granted vote, a successful append) and the leader counting its own entries go
 * through the {@link SyncBarrier}, so they happen only after the state they depend on is
 * durable.
 */
public final class RaftNode implements Node {
    private final NodeId self;
    private final List<NodeId> bootstrapMembers;
    private final RaftConfig config;
    private final Application application;

    private PersistentState state;
    private KvStateMachine machine;
    private Role role = Role.FOLLOWER;
    private Votes votes;
    private Leadership leadership;
    private long commitIndex;
    private Optional<NodeId> leaderHint = Optional.empty();
    private long leaderHeardNanos = Long.MIN_VALUE;
    private TimerId electionTimer;
    /** The leader's snapshot as far as its chunks have arrived, if one is on its way. */
    private SnapshotChunks receiving;

    /**
     * Node {@code self}, which starts as a member of the cluster {@code members} (its bootstrap
     * configuration) if it is one of them; otherwise it starts knowing no configuration and waits
     * to be contacted by a leader that added it. A configuration on its disk overrides either. Use
     * {@link RaftCluster#nodeFactory} for a whole cluster.
     */
    public RaftNode(NodeId self, List<NodeId> members, RaftConfig config) {
        this(self, members, config, Application.NONE);
    }

    /**
     * As {@link #RaftNode(NodeId, List, RaftConfig)}, also replicating {@code application}: the
     * node embedding this one proposes its commands with {@link #propose} and routes Raft's
     * messages and timers here.
     */
    public RaftNode(NodeId self, List<NodeId> members, RaftConfig config, Application application) {
        this.self = Objects.requireNonNull(self, "self");
        this.config = Objects.requireNonNull(config, "config");
        this.application = Objects.requireNonNull(application, "application");
        this.bootstrapMembers = members.contains(self) ? Members.normalise(members) : List.of();
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        List<String> notes = new ArrayList<>();
        state = PersistentState.recover(ctx.disk(), bootstrapMembers, notes);
        notes.forEach(note -> ctx.note(self + " " + note));
        machine = state.snapshot()
                .map(snapshot -> KvStateMachine.restore(snapshot, config.bug()))
                .orElseGet(() -> new KvStateMachine(config.bug()));
        state.snapshot().ifPresent(snapshot -> application.restore(snapshot.lastIndex(), snapshot.application()));
        commitIndex = machine.lastApplied(); // a snapshot holds only committed entries
        if (config.readMode() == RaftConfig.ReadMode.LEASE) {
            // It may have acknowledged a leader's lease just before it crashed: it keeps its
            // promise not to vote for the shortest election timeout as if it had just heard it.
            leaderHeardNanos = ctx.nowNanos();
        }
        ctx.setTimer(Duration.ofMillis(config.heartbeatIntervalMs()), new Tick());
        resetElectionTimer(ctx);
        settle(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof RaftMessage raft)) {
            ctx.note("ignored a message that is not Raft's: " + message);
            return;
        }
        switch (raft) {
            case ClientRequest request -> onClientRequest(from, request, ctx);
            case PreVote preVote -> onPreVote(from, preVote, ctx);
            case PreVoteReply reply -> onPreVoteReply(from, reply, ctx);
            case RequestVote request -> onRequestVote(from, request, ctx);
            case VoteReply reply -> onVoteReply(from, reply, ctx);
            case AppendEntries append -> onAppendEntries(from, append, ctx);
            case AppendReply reply -> onAppendReply(from, reply, ctx);
            case InstallSnapshot install -> onInstallSnapshot(from, install, ctx);
            case SnapshotChunkReply reply -> onSnapshotChunkReply(from, reply, ctx);
            case ClientReply reply -> ctx.note("ignored a client reply sent to a node: " + reply);
        }
        settle(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof RaftTimer raftTimer)) {
            return;
        }
        switch (raftTimer) {
            case ElectionTimeout timeout -> {
                if (id.equals(electionTimer) && role != Role.LEADER) {
                    startPreVote(ctx);
                }
            }
            case Tick tick -> {
                onTick(ctx);
                ctx.setTimer(Duration.ofMillis(config.heartbeatIntervalMs()), new Tick());
            }
            default -> ctx.note("ignored a client's timer: " + raftTimer);
        }
        settle(ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        run(state.barrier().synced(syncId), ctx);
        settle(ctx);
    }

    // ---- what the invariants and tests may look at ----

    NodeId id() {
        return self;
    }

    long term() {
        return state.term();
    }

    Role role() {
        return role;
    }

    /** The log as it is now; read it, never change it. */
    RaftLog log() {
        return state.log();
    }

    long commitIndex() {
        return commitIndex;
    }

    /** The latest snapshot, covering the log up to its snapshot index, if any. */
    Optional<Snapshot> snapshot() {
        return state.snapshot();
    }

    long lastApplied() {
        return machine.lastApplied();
    }

    /** The voting members this node goes by: the latest configuration in its log. */
    List<NodeId> members() {
        return log().members();
    }

    /** The members other than this node: whom it asks for votes. */
    private List<NodeId> peers() {
        return members().stream().filter(member -> !member.equals(self)).toList();
    }

    // ---- clients ----

    private void onClientRequest(NodeId client, ClientRequest request, NodeContext ctx) {
        if (role != Role.LEADER) {
            ctx.send(client, new NotLeader(request.requestId(), leaderHint));
            return;
        }
        switch (request) {
            case Submit submit -> {
                leadership.onSubmit(client, submit, machine, ctx);
                leadership.broadcast(false, commitIndex, ctx);
            }
            case Read read -> leadership.onRead(client, read, commitIndex, machine, ctx);
            case MembershipRequest change -> leadership.onMembershipRequest(client, change, commitIndex, ctx);
            case Propose propose -> {
                leadership.onPropose(propose.command());
                leadership.broadcast(false, commitIndex, ctx);
            }
        }
    }

    // ---- for a node that embeds this one ----

    /** The term this node is in. */
    public long currentTerm() {
        return state.term();
    }

    /** Whether this node leads now. */
    public boolean isLeader() {
        return role == Role.LEADER;
    }

    /** The leader this node believes in (itself, if it leads), if any. */
    public Optional<NodeId> leader() {
        return leaderHint;
    }

    /**
     * Proposes a command for the {@link Application}: appended here if this node leads,
     * forwarded to the leader it believes in otherwise. Returns false if it knows no leader (the
     * command went nowhere). Even when true it is no promise: the command may be lost with a
     * change of leader or on its way; the application learns what committed when it applies.
     * Call it from the embedding node's handlers, with the context Raft's messages go out by;
     * {@code proposalId} comes back in the {@link NotLeader} of a node that refused it.
     */
    public boolean propose(long proposalId, byte[] payload, NodeContext ctx) {
        Command.Apply command = new Command.Apply(payload);
        if (role == Role.LEADER) {
            leadership.onPropose(command);
            leadership.broadcast(false, commitIndex, ctx);
            settle(ctx);
            return true;
        }
        if (leaderHint.isEmpty()) {
            return false;
        }
        ctx.send(leaderHint.get(), new Propose(proposalId, command));
        return true;
    }

    // ---- elections ----

    private void startPreVote(NodeContext ctx) {
        if (!members().contains(self)) {
            // Not a voting member (not yet added, or removed): it waits to hear from a leader.
            resetElectionTimer(ctx);
            return;
        }
        role = Role.PRE_CANDIDATE;
        leaderHint = Optional.empty();
        votes = new Votes(members());
        votes.grant(self);
        resetElectionTimer(ctx);
        askForPreVotes(ctx);
        if (votes.won()) {
            startElection(ctx);
        }
    }

    private void askForPreVotes(NodeContext ctx) {
        PreVote preVote = new PreVote(state.term() + 1, log().lastIndex(), log().lastTerm());
        peers().stream().filter(peer -> !votes.has(peer)).forEach(peer -> ctx.send(peer, preVote));
    }

    /**
     * Leader stickiness: while a leader is heard, nobody helps a node that merely lost touch. With
     * lease reads it is a promise the lease relies on, so it counts from any leader heard (or the
     * node's start), even after the node learned of a newer term.
     */
    private boolean leaderRecent(NodeContext ctx) {
        boolean recent = ctx.nowNanos() - leaderHeardNanos
                < Duration.ofMillis(config.electionTimeoutMsMin()).toNanos();
        if (config.readMode() == RaftConfig.ReadMode.LEASE) {
            return role == Role.LEADER || (leaderHeardNanos != Long.MIN_VALUE && recent);
        }
        return role == Role.LEADER || (leaderHint.isPresent() && recent);
    }

    private void onPreVote(NodeId from, PreVote preVote, NodeContext ctx) {
        boolean granted = preVote.term() > state.term()
                && !leaderRecent(ctx)
                && log().isBehindOrEqualTo(preVote.lastLogIndex(), preVote.lastLogTerm());
        ctx.send(from, new PreVoteReply(granted ? preVote.term() : state.term(), granted));
    }

    private void onPreVoteReply(NodeId from, PreVoteReply reply, NodeContext ctx) {
        if (!reply.granted() && reply.term() > state.term()) {
            becomeFollower(reply.term(), Optional.empty(), ctx);
            return;
        }
        if (role == Role.PRE_CANDIDATE && reply.granted() && reply.term() == state.term() + 1) {
            votes.grant(from);
            if (votes.won()) {
                startElection(ctx);
            }
        }
    }

    private void startElection(NodeContext ctx) {
        role = Role.CANDIDATE;
        votes = new Votes(members());
        state.setTermAndVote(state.term() + 1, self);
        resetElectionTimer(ctx);
        promise(new SyncBarrier.CandidateDurable(state.term()), ctx);
    }

    private void askForVotes(NodeContext ctx) {
        RequestVote request = new RequestVote(state.term(), log().lastIndex(), log().lastTerm());
        peers().stream().filter(peer -> !votes.has(peer)).forEach(peer -> ctx.send(peer, request));
    }

    private void onRequestVote(NodeId from, RequestVote request, NodeContext ctx) {
        if (config.readMode() == RaftConfig.ReadMode.LEASE && leaderRecent(ctx)) {
            // Thesis §4.2.3: within the election timeout of hearing a leader, neither the term nor the vote moves.
            ctx.send(from, new VoteReply(state.term(), false));
            return;
        }
        if (request.term() > state.term()) {
            becomeFollower(request.term(), Optional.empty(), ctx);
        }
        boolean granted = request.term() == state.term()
                && (state.votedFor() == null || state.votedFor().equals(from))
                && log().isBehindOrEqualTo(request.lastLogIndex(), request.lastLogTerm());
        if (!granted) {
            ctx.send(from, new VoteReply(state.term(), false));
            return;
        }
        state.setTermAndVote(state.term(), from);
        resetElectionTimer(ctx);
        promise(new SyncBarrier.Send(from, new VoteReply(state.term(), true)), ctx);
    }

    private void onVoteReply(NodeId from, VoteReply reply, NodeContext ctx) {
        if (reply.term() > state.term()) {
            becomeFollower(reply.term(), Optional.empty(), ctx);
            return;
        }
        if (role == Role.CANDIDATE && reply.term() == state.term() && reply.granted()) {
            votes.grant(from);
            if (votes.won() && votes.has(self)) {
                becomeLeader(ctx);
            }
        }
    }

    private void becomeLeader(NodeContext ctx) {
        role = Role.LEADER;
        leaderHint = Optional.of(self);
        votes = null;
        cancelElectionTimer(ctx);
        leadership = new Leadership(self, state.term(), state, config, ctx.nowNanos());
        ctx.note(self + " leads term " + state.term());
        leadership.broadcast(true, commitIndex, ctx);
    }

    /** Moves to {@code term} (if higher) as a follower of {@code leader} (if known). */
    private void becomeFollower(long term, Optional<NodeId> leader, NodeContext ctx) {
        if (term > state.term()) {
            state.setTermAndVote(term, null);
        }
        if (role == Role.LEADER) {
            leadership.stepDown(ctx);
            leadership = null;
        }
        role = Role.FOLLOWER;
        votes = null;
        leaderHint = leader;
        resetElectionTimer(ctx);
    }

    // ---- replication ----

    /** A message from the leader of {@code term}: false if that term is over; otherwise it is followed. */
    private boolean followLeader(NodeId from, long term, NodeContext ctx) {
        if (term < state.term()) {
            return false;
        }
        if (term > state.term() || role != Role.FOLLOWER) {
            becomeFollower(term, Optional.of(from), ctx);
        } else {
            leaderHint = Optional.of(from);
            resetElectionTimer(ctx);
        }
        leaderHeardNanos = ctx.nowNanos();
        return true;
    }

    private void onAppendEntries(NodeId from, AppendEntries append, NodeContext ctx) {
        if (!followLeader(from, append.term(), ctx)) {
            ctx.send(from, new AppendReply(state.term(), false, 0, 0, append.round()));
            return;
        }
        long prevIndex = append.prevLogIndex();
        List<LogEntry> entries = append.entries();
        if (prevIndex < log().snapshotIndex()) {
            // The snapshot holds committed entries, which the leader has too: skip what it covers.
            int covered = (int) Math.min(entries.size(), log().snapshotIndex() - prevIndex);
            entries = entries.subList(covered, entries.size());
            prevIndex += covered;
        } else if (prevIndex > log().lastIndex()) {
            ctx.send(from, new AppendReply(state.term(), false, 0, log().lastIndex() + 1, append.round()));
            return;
        } else if (log().termAt(prevIndex) != append.prevLogTerm()) {
            long conflict = Math.max(1, log().firstIndexOfTermAt(prevIndex));
            ctx.send(from, new AppendReply(state.term(), false, 0, conflict, append.round()));
            return;
        }
        mergeEntries(prevIndex, entries, ctx);
        long matchIndex = prevIndex + entries.size();
        if (append.leaderCommit() > commitIndex) {
            commitIndex = Math.max(commitIndex, Math.min(append.leaderCommit(), matchIndex));
        }
        promise(new SyncBarrier.Send(from, new AppendReply(state.term(), true, matchIndex, 0, append.round())), ctx);
    }

    /** Appends what is new after {@code prevIndex}, replacing a conflicting suffix (Raft figure 2, steps 3-4). */
    private void mergeEntries(long prevIndex, List<LogEntry> entries, NodeContext ctx) {
        for (int i = 0; i < entries.size(); i++) {
            long index = prevIndex + 1 + i;
            LogEntry entry = entries.get(i);
            if (index <= log().lastIndex()) {
                if (log().termAt(index) == entry.term()) {
                    continue;
                }
                if (index <= commitIndex) {
                    ctx.note(self + " replaces committed entry " + index + ": safety is broken");
                }
                state.replaceFrom(index, entry);
            } else {
                state.append(entry);
            }
        }
    }

    /**
     * A chunk of the leader's snapshot: kept until the last arrives, then the whole is installed
     * unless what it covers is committed here already (Raft §7). A chunk that does not follow what
     * is held (a restart lost it, or a newer snapshot began) is answered with where to go on.
     */
    private void onInstallSnapshot(NodeId from, InstallSnapshot install, NodeContext ctx) {
        if (!followLeader(from, install.term(), ctx)) {
            ctx.send(from, new AppendReply(state.term(), false, 0, 0, install.round()));
            return;
        }
        if (install.offset() == 0) {
            receiving = new SnapshotChunks(install.lastIndex(), install.lastTerm());
        }
        if (receiving == null || !receiving.continuedBy(install)) {
            long held = receiving != null && receiving.isOf(install) ? receiving.size() : 0;
            ctx.send(from, new SnapshotChunkReply(state.term(), install.lastIndex(), held, install.round()));
            return;
        }
        receiving.add(install.chunk());
        if (!install.done()) {
            ctx.send(
                    from, new SnapshotChunkReply(state.term(), install.lastIndex(), receiving.size(), install.round()));
            return;
        }
        Optional<Snapshot> decoded = LogCodec.decodeSnapshot(receiving.bytes());
        receiving = null;
        if (decoded.isEmpty()) {
            ctx.note(self + " received a damaged snapshot from " + from + "; asks for it again");
            ctx.send(from, new SnapshotChunkReply(state.term(), install.lastIndex(), 0, install.round()));
            return;
        }
        Snapshot snapshot = decoded.get();
        if (snapshot.lastIndex() > commitIndex) {
            ctx.note(self + " installs a snapshot up to entry " + snapshot.lastIndex() + " from " + from);
            state.saveSnapshot(snapshot);
            machine = KvStateMachine.restore(snapshot, config.bug());
            application.restore(snapshot.lastIndex(), snapshot.application());
            commitIndex = snapshot.lastIndex();
        }
        AppendReply installed = new AppendReply(state.term(), true, snapshot.lastIndex(), 0, install.round());
        promise(new SyncBarrier.Send(from, installed), ctx);
    }

    private void onSnapshotChunkReply(NodeId from, SnapshotChunkReply reply, NodeContext ctx) {
        if (reply.term() > state.term()) {
            becomeFollower(reply.term(), Optional.empty(), ctx);
            return;
        }
        if (role == Role.LEADER && reply.term() == state.term()) {
            leadership.onSnapshotChunkReply(from, reply, commitIndex, ctx);
        }
    }

    private void onAppendReply(NodeId from, AppendReply reply, NodeContext ctx) {
        if (reply.term() > state.term()) {
            becomeFollower(reply.term(), Optional.empty(), ctx);
            return;
        }
        if (role == Role.LEADER && reply.term() == state.term()) {
            commitIndex = leadership.onAppendReply(from, reply, commitIndex, ctx);
        }
    }

    private void onTick(NodeContext ctx) {
        compactIfLong(ctx);
        switch (role) {
            case LEADER -> {
                if (!leadership.onTick(commitIndex, ctx)) {
                    ctx.note(self + " lost touch with a majority; steps down in term " + state.term());
                    becomeFollower(state.term(), Optional.empty(), ctx);
                }
            }
            case CANDIDATE -> {
                if (votes.has(self)) {
                    askForVotes(ctx); // the vote requests or their answers may have been lost
                }
            }
            case PRE_CANDIDATE -> askForPreVotes(ctx);
            case FOLLOWER -> {}
        }
    }

    /**
     * Snapshots the state machine once the log holds more applied entries than its threshold
     * (a leader waits, up to twice the maximum, while a follower in touch lags behind). At a
     * tick, not as entries apply: every commit and application has then been seen (by the
     * invariants, after the event that made it) before the entries go.
     */
    private void compactIfLong(NodeContext ctx) {
        long applied = machine.lastApplied();
        long sinceSnapshot = applied - log().snapshotIndex();
        if (role == Role.LEADER
                && sinceSnapshot <= 2L * config.snapshotLogEntriesMax()
                && leadership.lowestMatchInTouch(ctx.nowNanos()) < applied) {
            // A follower in touch still needs entries it would lose: compacting now would send it the
            // whole snapshot instead of a few appends. Wait, up to twice the usual length.
            return;
        }
        if (sinceSnapshot > snapshotThreshold()) {
            state.saveSnapshot(
                    machine.snapshot(log().termAt(applied), log().membersAt(applied), application.snapshot()));
            ctx.note(self + " snapshots up to entry " + applied);
        }
    }

    /**
     * How many applied entries this node lets its log hold before it snapshots: the configured
     * maximum for the first member, down to half of it for the last, so that the members of a
     * group that apply the same entries do not all stop to snapshot at the same moment (which
     * ZooKeeper avoids by drawing each server's snapCount at random).
     */
    private long snapshotThreshold() {
        long max = config.snapshotLogEntriesMax();
        List<NodeId> members = members();
        int position = Math.max(0, members.indexOf(self));
        return max - (max / 2) * position / Math.max(1, members.size());
    }

    // ---- durability and the end of every event ----

    /**
     * Does {@code action} once everything written so far is durable; with the planted bug
     * VOTE_BEFORE_SYNC, votes (granted and a candidate's own) go ahead at once.
     */
    private void promise(Deferred action, NodeContext ctx) {
        boolean vote = action instanceof SyncBarrier.CandidateDurable
                || (action instanceof SyncBarrier.Send send && send.message() instanceof VoteReply);
        if (vote && config.bug() == Bug.VOTE_BEFORE_SYNC) {
            run(List.of(action), ctx);
        } else {
            state.barrier().afterDurable(action);
        }
    }

    private void run(List<Deferred> actions, NodeContext ctx) {
        for (Deferred action : actions) {
            switch (action) {
                case SyncBarrier.Send send -> ctx.send(send.to(), send.message());
                case SyncBarrier.LeaderDurable durable -> {
                    if (role == Role.LEADER && leadership.term() == durable.term()) {
                        commitIndex = leadership.onSelfDurable(durable.index(), commitIndex);
                    }
                }
                case SyncBarrier.SnapshotDurable durable -> state.onSnapshotDurable(durable.index());
                case SyncBarrier.DeleteFile delete -> ctx.disk().delete(delete.file());
                case SyncBarrier.CandidateDurable durable -> {
                    if (role == Role.CANDIDATE && state.term() == durable.term()) {
                        votes.grant(self);
                        askForVotes(ctx);
                        if (votes.won()) {
                            becomeLeader(ctx);
                        }
                    }
                }
            }
        }
    }

    /** Applies what is committed, syncs this event's writes, runs what may run, until nothing changes. */
    private void settle(NodeContext ctx) {
        while (true) {
            applyCommitted(ctx);
            if (leadership != null) {
                leadership.onCommit(commitIndex, ctx);
                leadership.closeRound(commitIndex, ctx);
                leadership.serveReads(machine, ctx);
                stepDownIfRemoved(ctx);
            }
            List<Deferred> ready = state.barrier().flush(ctx.disk());
            if (ready.isEmpty()) {
                return;
            }
            run(ready, ctx);
        }
    }

    /**
     * A leader whose removal is committed steps down (thesis §4.2.2): until then it led without
     * counting itself; from now on it is not a member, so it will not stand for election either.
     */
    private void stepDownIfRemoved(NodeContext ctx) {
        if (!members().contains(self) && log().membersIndex() <= commitIndex) {
            ctx.note(self + " was removed from the members " + members() + "; steps down in term " + state.term());
            becomeFollower(state.term(), Optional.empty(), ctx);
        }
    }

    private void applyCommitted(NodeContext ctx) {
        long applyTo = Math.min(commitIndex, log().lastIndex());
        while (machine.lastApplied() < applyTo) {
            long index = machine.lastApplied() + 1;
            Command command = log().entry(index).command();
            KvStateMachine.Result result = machine.apply(index, command);
            if (command instanceof Command.Apply apply) {
                application.apply(index, apply.payload());
            }
            if (leadership != null && command instanceof Command.Write write) {
                leadership.onApplied(write, result, ctx);
            }
        }
    }

    private void resetElectionTimer(NodeContext ctx) {
        cancelElectionTimer(ctx);
        long delayMs = config.electionTimeoutMsMin()
                + ctx.random().nextLong(config.electionTimeoutMsMax() - config.electionTimeoutMsMin());
        electionTimer = ctx.setTimer(Duration.ofMillis(delayMs), new ElectionTimeout());
    }

    private void cancelElectionTimer(NodeContext ctx) {
        if (electionTimer != null) {
            ctx.cancelTimer(electionTimer);
            electionTimer = null;
        }
    }
}
