package sdlab.coord.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import sdlab.consensus.raft.RaftMessages.ClientReply;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftNode;
import sdlab.coord.server.ClientMessages.Close;
import sdlab.coord.server.ClientMessages.Connect;
import sdlab.coord.server.ClientMessages.Disconnected;
import sdlab.coord.server.ClientMessages.Handshaken;
import sdlab.coord.server.ClientMessages.Packet;
import sdlab.coord.server.ClientMessages.Request;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.Op;
import sdlab.coord.tree.OpResult;
import sdlab.coord.tree.Reply;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.ConnectResponse;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.TreeMapping;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * One server of a replicated ZooKeeper-like service: a {@link RaftNode} orders every change of
 * the znode tree and the session table ({@link ReplicatedTree}), and this node serves the
 * clients connected to it, as a ZooKeeper server does.
 *
 * <ul>
 *   <li>Reads are answered from this server's copy, which may lag the leader's; {@code sync}
 *       goes through the log, so a read after it sees everything committed before it. A server
 *       that knows no leader (it lost touch with the majority) drops its connections.
 *   <li>Writes, session opens and closes are proposed to Raft (forwarded to the leader by the
 *       Raft node) and answered when their entry applies here, in the session's request order.
 *   <li>Watches are this server's; a watch event goes out when the entry that fires it applies,
 *       before any later reply.
 *   <li>The leader alone expires sessions: servers report the sessions their clients kept alive
 *       every half tick, and the leader proposes the close of one not heard within its timeout.
 *   <li>A client's write that does not apply within the proposal timeout (its leader is gone)
 *       drops the connection: the client reconnects and the write's fate is unknown to it, as
 *       ZooKeeper's connection loss. A write applied out of the session's order drops it too.
 * </ul>
 */
public final class CoordReplica implements Node {
    private static final long NO_SESSION = 0;
    /** ZooKeeper's session passwords are 16 bytes. */
    static final int PASSWORD_BYTES = 16;
    /** What {@link #propose} returns when no leader is known: nothing was proposed. */
    private static final long NO_LEADER = -1;

    /** Every half tick: report live sessions, expire quiet ones (as leader), drop stuck connections. */
    record Tick() implements Timer {}

    /** The leader's sweep of empty containers and expired TTL nodes. */
    record ContainerSweep() implements Timer {}

    private final NodeId self;
    private final List<NodeId> members;
    private final ReplicaConfig config;

    private RaftNode raft;
    private ReplicatedTree state;
    private Reads reads;
    private final Map<NodeId, Connection> connections = new LinkedHashMap<>();
    private final Map<Long, Connection> bySession = new HashMap<>();
    private final Proposals proposals = new Proposals();
    private final Set<Long> heardSinceReport = new TreeSet<>();
    private SessionLiveness liveness;
    /** This life's start by the node's clock: told apart from earlier lives in the origins of entries. */
    private long life;
    /** The Raft term when this server last looked: a change means a new leader. */
    private long termSeen;

    public CoordReplica(NodeId self, List<NodeId> members, ReplicaConfig config) {
        this.self = Objects.requireNonNull(self, "self");
        this.members = List.copyOf(members);
        this.config = Objects.requireNonNull(config, "config");
    }

    // ---- what tests and the front door may look at ----

    /** Whether this server leads the Raft group now. */
    public boolean isLeader() {
        return raft != null && raft.isLeader();
    }

    /** The zxid of the last transaction applied here. */
    public long lastZxid() {
        return state.tree().lastZxid();
    }

    /** The replicated state, for invariants that compare servers. */
    ReplicatedTree state() {
        return state;
    }

    // ---- events ----

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        life = ctx.nowNanos();
        state = new ReplicatedTree();
        raft = new RaftNode(self, members, config.raft(), state);
        raft.onStart(new RaftContext(ctx), restarted);
        state.drainRestored(); // a snapshot read at start replaces nothing anybody watched
        reads = new Reads(state.tree());
        ctx.setTimer(Duration.ofMillis(config.tickTimeMs() / 2), new Tick());
        ctx.setTimer(Duration.ofMillis(config.containerCheckMs()), new ContainerSweep());
        afterRaft(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case PeerMessages.Raft raftMessage
            when raftMessage.message() instanceof ClientReply reply -> onRaftReply(reply);
            case PeerMessages.Raft raftMessage -> raft.onMessage(from, raftMessage.message(), new RaftContext(ctx));
            case PeerMessages.SessionsAlive alive -> onSessionsAlive(alive, ctx);
            case Connect connect -> onConnect(from, connect.request(), ctx);
            case Request request -> onRequest(from, request, ctx);
            case Disconnected disconnected -> forget(from);
            default -> ctx.note(self + " ignored " + message);
        }
        afterRaft(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Tick tick -> {
                onTick(ctx);
                ctx.setTimer(Duration.ofMillis(config.tickTimeMs() / 2), new Tick());
            }
            case ContainerSweep sweep -> {
                if (raft.isLeader()) {
                    long nowMs = nowMs(ctx);
                    for (String path : state.tree().containersToDelete(nowMs)) {
                        proposeOwn(new TreeEntry.DeleteContainer(path, nowMs), ctx);
                    }
                }
                ctx.setTimer(Duration.ofMillis(config.containerCheckMs()), new ContainerSweep());
            }
            default -> raft.onTimer(id, timer, raftContext(ctx));
        }
        afterRaft(ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        raft.onSynced(syncId, raftContext(ctx));
        afterRaft(ctx);
    }

    /** The leader's own decision (an expiry, a container's removal): nobody waits for its answer. */
    private void proposeOwn(TreeEntry entry, NodeContext ctx) {
        raft.propose(proposals.nextNumber(), TreeEntryCodec.encode(entry), raftContext(ctx));
    }

    private static RaftContext raftContext(NodeContext ctx) {
        return new RaftContext(ctx);
    }

    private static long nowMs(NodeContext ctx) {
        return Math.floorDiv(ctx.nowNanos(), 1_000_000L);
    }

    // ---- connections ----

    private void onConnect(NodeId endpoint, ConnectRequest request, NodeContext ctx) {
        forget(endpoint); // a new handshake on an endpoint starts a new connection
        if (request.lastZxidSeen() > state.tree().lastZxid()) {
            // The client saw later state on another server: it must not go back in time here.
            ctx.send(endpoint, new Close());
            return;
        }
        Connection connection = new Connection(endpoint);
        if (request.sessionId() == NO_SESSION) {
            if (state.sessions().size() >= config.sessionsMax()) {
                refuse(connection, request, ctx);
                return;
            }
            byte[] password = new byte[PASSWORD_BYTES];
            ctx.random().nextBytes(password);
            int timeoutMs = Math.clamp(request.timeOutMs(), config.sessionTimeoutMsMin(), config.sessionTimeoutMsMax());
            startHandshake(
                    connection, request, origin -> new TreeEntry.CreateSession(origin, password, timeoutMs), ctx);
            return;
        }
        if (state.session(request.sessionId()) != null) {
            resume(connection, request, ctx);
            return;
        }
        // Unknown here: perhaps opened on a server ahead of this one. Catch up, then decide.
        startHandshake(connection, request, TreeEntry.Barrier::new, ctx);
    }

    private void startHandshake(
            Connection connection,
            ConnectRequest request,
            java.util.function.Function<TreeEntry.Origin, TreeEntry> entry,
            NodeContext ctx) {
        long proposal = propose(connection.endpoint, entry, ctx);
        if (proposal == NO_LEADER) {
            ctx.send(connection.endpoint, new Close()); // no leader: this server cannot serve now
            return;
        }
        connection.handshake = request;
        connection.handshakeProposal = proposal;
        connections.put(connection.endpoint, connection);
    }

    private void resume(Connection connection, ConnectRequest request, NodeContext ctx) {
        ReplicatedTree.SessionRecord session = state.session(request.sessionId());
        if (session == null || !Arrays.equals(session.password(), request.passwd())) {
            refuse(connection, request, ctx);
            return;
        }
        open(connection, request.sessionId(), session, ctx);
    }

    private void open(Connection connection, long sessionId, ReplicatedTree.SessionRecord session, NodeContext ctx) {
        connection.session = sessionId;
        connection.handshake = null;
        connections.put(connection.endpoint, connection);
        Connection previous = bySession.put(sessionId, connection);
        if (previous != null && previous != connection) {
            connections.remove(previous.endpoint);
            ctx.send(previous.endpoint, new Close());
        }
        heard(sessionId, ctx);
        ConnectResponse response = new ConnectResponse(0, session.timeoutMs(), sessionId, session.password(), false);
        ctx.send(connection.endpoint, new Handshaken(response, true));
    }

    private void refuse(Connection connection, ConnectRequest request, NodeContext ctx) {
        connections.remove(connection.endpoint);
        byte[] noPassword = new byte[PASSWORD_BYTES];
        ConnectResponse expired = new ConnectResponse(0, 0, request.sessionId(), noPassword, false);
        ctx.send(connection.endpoint, new Handshaken(expired, false));
    }

    /** The endpoint's connection is gone; its session lives on until it expires. */
    private void forget(NodeId endpoint) {
        Connection connection = connections.remove(endpoint);
        if (connection != null && connection.isOpen()) {
            bySession.remove(connection.session, connection);
        }
    }

    private void drop(Connection connection, NodeContext ctx) {
        forget(connection.endpoint);
        ctx.send(connection.endpoint, new Close());
    }

    /** Drops the connection for {@code reason}, noted in the trace (and a real node's log). */
    private void drop(Connection connection, String reason, NodeContext ctx) {
        ctx.note(self + " drops the connection of session 0x" + Long.toHexString(connection.session) + ": " + reason);
        drop(connection, ctx);
    }

    // ---- requests ----

    private void onRequest(NodeId endpoint, Request message, NodeContext ctx) {
        Connection connection = connections.get(endpoint);
        if (connection == null || !connection.isOpen()) {
            ctx.send(endpoint, new Close()); // a request before the handshake finished, or after the session ended
            return;
        }
        heard(connection.session, ctx);
        ClientRequest request = message.request();
        int xid = message.xid();
        long proposal =
                switch (request) {
                    case ClientRequest.CloseSession r ->
                        propose(
                                endpoint,
                                origin -> new TreeEntry.CloseSession(origin, connection.session, nowMs(ctx)),
                                ctx);
                    case ClientRequest.Sync r -> propose(endpoint, TreeEntry.Barrier::new, ctx);
                    case ClientRequest.Multi r when r.opCode() != OpCode.MULTI -> 0; // multiRead
                    case ClientRequest.Create r -> proposeWrite(connection, request, ctx);
                    case ClientRequest.CreateTtl r -> proposeWrite(connection, request, ctx);
                    case ClientRequest.Delete r -> proposeWrite(connection, request, ctx);
                    case ClientRequest.SetData r -> proposeWrite(connection, request, ctx);
                    case ClientRequest.Check r -> proposeWrite(connection, request, ctx);
                    case ClientRequest.Multi r -> proposeWrite(connection, request, ctx);
                    default -> 0;
                };
        if (proposal == NO_LEADER) {
            drop(connection, "no leader to take a write", ctx); // the client tries again, maybe elsewhere
            return;
        }
        connection.queue.addLast(new Connection.Pending(xid, request, proposal));
        pump(connection, ctx);
    }

    /** Proposes a client's write; 0 if the request is invalid (answered in turn with its error), or {@link #NO_LEADER}. */
    private long proposeWrite(Connection connection, ClientRequest request, NodeContext ctx) {
        Reply<Op> op = TreeMapping.toOp(request);
        if (!(op instanceof Reply.Ok<Op> ok)) {
            return 0;
        }
        long timeMs = nowMs(ctx);
        return propose(
                connection.endpoint,
                origin -> new TreeEntry.Write(origin, connection.session, timeMs, ok.value()),
                ctx);
    }

    /** Proposes an entry for a client of {@code endpoint}; its number (from 1), or {@link #NO_LEADER} if no leader is known. */
    private long propose(
            NodeId endpoint, java.util.function.Function<TreeEntry.Origin, TreeEntry> entry, NodeContext ctx) {
        long number = proposals.nextNumber();
        byte[] payload = TreeEntryCodec.encode(entry.apply(new TreeEntry.Origin(self, life, number)));
        if (!raft.propose(number, payload, raftContext(ctx))) {
            return NO_LEADER;
        }
        long deadline = ctx.nowNanos() + config.proposalTimeoutMs() * 1_000_000L;
        proposals.track(number, new Proposals.Waiting(endpoint, payload, deadline));
        return number;
    }

    /** Answers the requests at the head of the queue that can be answered now, in order. */
    private void pump(Connection connection, NodeContext ctx) {
        while (!connection.queue.isEmpty()) {
            Connection.Pending head = connection.queue.peekFirst();
            if (head.answer == null && head.proposal != 0) {
                return; // a write whose entry has not applied here yet
            }
            connection.queue.removeFirst();
            if (head.answer == null) {
                head.answer = Answers.local(
                        reads,
                        connection.session,
                        head.xid,
                        head.request,
                        state.tree().lastZxid(),
                        events -> deliver(events, ctx));
            }
            ctx.send(connection.endpoint, new Packet(head.answer));
            if (head.closeAfter) {
                drop(connection, ctx);
                return;
            }
        }
    }

    // ---- what applied ----

    /** After every call into Raft: answer what applied, notice a new snapshot and a change of leader. */
    private void afterRaft(NodeContext ctx) {
        if (state.drainRestored()) {
            reads = new Reads(state.tree());
            // The tree was replaced with the leader's snapshot, and with it the watches set here:
            // every client reconnects and sets its watches again.
            for (Connection connection : List.copyOf(connections.values())) {
                drop(connection, "a snapshot replaced the tree", ctx);
            }
        }
        for (ReplicatedTree.Outcome outcome : state.drainOutcomes()) {
            onApplied(outcome, ctx);
        }
        if (raft.currentTerm() != termSeen) {
            termSeen = raft.currentTerm();
            dropWaitingOnAnOldLeader(ctx);
        }
        if (raft.isLeader() && liveness == null) {
            liveness = new SessionLiveness();
            liveness.lead(state.sessions(), ctx.nowNanos());
        } else if (!raft.isLeader()) {
            liveness = null;
        }
    }

    private void onApplied(ReplicatedTree.Outcome outcome, NodeContext ctx) {
        deliver(outcome.events(), ctx);
        TreeEntry entry = outcome.entry();
        if (entry instanceof TreeEntry.CloseSession) {
            if (liveness != null) {
                liveness.closed(outcome.session());
            }
            Connection holder = bySession.get(outcome.session());
            if (holder != null && (entry.origin() == null || !isOwn(entry.origin()))) {
                drop(holder, "its session expired", ctx); // the client learns it when it reconnects
            }
        }
        if (entry instanceof TreeEntry.CreateSession created && liveness != null) {
            liveness.touch(outcome.session(), created.timeoutMs(), ctx.nowNanos());
        }
        TreeEntry.Origin origin = entry.origin();
        if (origin == null || !isOwn(origin)) {
            return;
        }
        Proposals.Waiting proposal = proposals.applied(origin.proposal());
        Connection connection = proposal == null ? null : connections.get(proposal.endpoint());
        if (connection == null) {
            return; // the connection closed meanwhile; the session, if any, lives on until it expires
        }
        if (connection.handshakeProposal == origin.proposal() && connection.handshake != null) {
            finishHandshake(connection, outcome, ctx);
            return;
        }
        answerApplied(connection, origin.proposal(), outcome, ctx);
    }

    private boolean isOwn(TreeEntry.Origin origin) {
        return origin.server().equals(self) && origin.life() == life;
    }

    private void finishHandshake(Connection connection, ReplicatedTree.Outcome outcome, NodeContext ctx) {
        ConnectRequest request = connection.handshake;
        if (outcome.entry() instanceof TreeEntry.CreateSession) {
            open(connection, outcome.session(), state.session(outcome.session()), ctx);
        } else {
            resume(connection, request, ctx); // caught up: the session is known now, or it is not open
        }
    }

    private void answerApplied(Connection connection, long proposal, ReplicatedTree.Outcome outcome, NodeContext ctx) {
        for (Connection.Pending pending : connection.queue) {
            if (pending.proposal == proposal) {
                pending.answer = Answers.applied(pending.xid, pending.request, outcome);
                pending.closeAfter = pending.request instanceof ClientRequest.CloseSession
                        || outcome.result() instanceof OpResult.Error error && error.code() == Code.SESSIONEXPIRED;
                pump(connection, ctx);
                return;
            }
            if (pending.proposal != 0 && pending.answer == null) {
                // An earlier write of the session has not applied, yet a later one has: the
                // session's order is broken (a forwarded write was lost or overtaken). Drop the
                // connection, so the client treats both as of unknown fate, rather than lie.
                drop(connection, "its session's writes applied out of order", ctx);
                return;
            }
        }
    }

    /** Sends each watch event to the connection of its session here, if it has one. */
    private void deliver(List<WatchEvent> events, NodeContext ctx) {
        for (WatchEvent event : events) {
            Connection connection = bySession.get(event.session());
            if (connection != null) {
                ctx.send(connection.endpoint, new Packet(TreeMapping.toNotification(event)));
            }
        }
    }

    // ---- session liveness and stuck proposals ----

    private void heard(long session, NodeContext ctx) {
        ReplicatedTree.SessionRecord record = state.session(session);
        if (record == null) {
            return;
        }
        if (liveness != null) {
            liveness.touch(session, record.timeoutMs(), ctx.nowNanos());
        } else {
            heardSinceReport.add(session);
        }
    }

    private void onSessionsAlive(PeerMessages.SessionsAlive alive, NodeContext ctx) {
        if (liveness == null) {
            return;
        }
        for (long session : alive.sessions()) {
            ReplicatedTree.SessionRecord record = state.session(session);
            if (record != null) {
                liveness.touch(session, record.timeoutMs(), ctx.nowNanos());
            }
        }
    }

    private void onTick(NodeContext ctx) {
        if (raft.leader().isEmpty()) {
            // As a ZooKeeper follower that lost its leader: it stops serving, so that its clients
            // go to a server that is in touch with a majority rather than read ever staler data.
            for (Connection connection : List.copyOf(connections.values())) {
                drop(connection, "no leader is known", ctx);
            }
        }
        // A session lives by what its client sends (requests and pings), not by an open connection:
        // as in ZooKeeper, a client paused longer than its timeout (a long GC) loses its session.
        if (liveness != null) {
            List<Long> heard = List.copyOf(heardSinceReport);
            heardSinceReport.clear();
            heard.forEach(session -> heard(session, ctx));
            long nowMs = nowMs(ctx);
            for (long session : liveness.expire(ctx.nowNanos())) {
                ctx.note(self + " expires session 0x" + Long.toHexString(session));
                proposeOwn(new TreeEntry.CloseSession(null, session, nowMs), ctx);
            }
        } else if (raft.leader().isPresent() && !heardSinceReport.isEmpty()) {
            ctx.send(raft.leader().get(), new PeerMessages.SessionsAlive(List.copyOf(heardSinceReport)));
            heardSinceReport.clear();
        }
        retryRefused(ctx);
        dropStuck(ctx);
    }

    /** A node that did not lead refused a proposal (so it was not appended): send it again to the leader known now. */
    private void retryRefused(NodeContext ctx) {
        if (raft.leader().isEmpty()) {
            return;
        }
        proposals
                .takeRefused()
                .forEach((number, proposal) -> raft.propose(number, proposal.payload(), raftContext(ctx)));
    }

    private void onRaftReply(ClientReply reply) {
        if (reply instanceof NotLeader notLeader) {
            proposals.refusedBy(notLeader.requestId());
        }
    }

    /**
     * A new term began: writes forwarded to the old leader may be lost with it, and nobody will
     * say so. As a ZooKeeper follower that changes leaders, this server drops the connections
     * that wait for one; their clients reconnect at once rather than after the proposal timeout,
     * and learn nothing definite about those writes.
     */
    private void dropWaitingOnAnOldLeader(NodeContext ctx) {
        for (NodeId endpoint : proposals.forgetAll()) {
            Connection connection = connections.get(endpoint);
            if (connection != null) {
                drop(connection, "the leader changed while its write was on the way", ctx);
            }
        }
    }

    /** Connections whose proposals outlived the timeout are dropped: their leader is gone. */
    private void dropStuck(NodeContext ctx) {
        for (NodeId endpoint : proposals.expire(ctx.nowNanos())) {
            Connection connection = connections.get(endpoint);
            if (connection != null) {
                drop(connection, "a write did not apply within the proposal timeout", ctx);
            }
        }
    }
}
