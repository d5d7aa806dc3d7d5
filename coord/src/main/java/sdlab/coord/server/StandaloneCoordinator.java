package sdlab.coord.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.coord.tree.Applied;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.Op;
import sdlab.coord.tree.OpResult;
import sdlab.coord.tree.Reply;
import sdlab.coord.tree.Txn;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.tree.ZNodeTree;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.ConnectResponse;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.Packets;
import sdlab.coord.wire.ReplyHeader;
import sdlab.coord.wire.ServerResponse;
import sdlab.coord.wire.TreeMapping;

/**
 * A single ZooKeeper server's decisions: it owns the {@link ZNodeTree}, the zxid counter and the
 * session table, and turns each connect, request and clock tick into answers, with the time
 * passed in. Reads answer with the last zxid; each write takes the next one, as a leader that is
 * its own quorum would. Any request or ping renews its session; {@link #expire} closes the
 * sessions whose clients went quiet for longer than their timeout, through the tree, so their
 * ephemerals go and watches fire. Not thread-safe: one event loop calls it.
 */
public final class StandaloneCoordinator {
    /** The session of the server's own transactions (container removal), as ZooKeeper uses 0. */
    private static final long NO_SESSION = 0;

    private final CoordinatorConfig config;
    private final PasswordGenerator passwords;
    private final ZNodeTree tree = new ZNodeTree();
    private final Reads reads = new Reads(tree);
    private final Map<Long, Session> sessions = new LinkedHashMap<>();
    private long sessionsCreated;

    public StandaloneCoordinator(CoordinatorConfig config, PasswordGenerator passwords) {
        this.config = Objects.requireNonNull(config, "config");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** The zxid of the last write (0 before the first). */
    public long lastZxid() {
        return tree.lastZxid();
    }

    /** Whether the session is open. */
    public boolean isOpen(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** The session's negotiated timeout, or 0 if it is not open. */
    public int sessionTimeoutMs(long sessionId) {
        Session session = sessions.get(sessionId);
        return session == null ? 0 : session.timeoutMs;
    }

    /**
     * A connect: session id 0 opens a new session; an open session's id with its password resumes
     * it. An unknown or expired id, a wrong password, a client that has seen a later zxid than
     * this server's (it was talking to a server ahead of this one), or a new session beyond
     * {@link CoordinatorConfig#sessionsMax()} is refused.
     */
    public Handshake connect(ConnectRequest request, long nowMs) {
        if (request.lastZxidSeen() > tree.lastZxid()) {
            return refused(request);
        }
        if (request.sessionId() == 0) {
            if (sessions.size() >= config.sessionsMax()) {
                return refused(request);
            }
            long id = config.sessionIdSeed() + ++sessionsCreated;
            byte[] password = passwords.passwordFor(id);
            Session session = new Session(id, password, negotiatedTimeoutMs(request.timeOutMs()), nowMs);
            sessions.put(id, session);
            return accepted(session);
        }
        Session session = sessions.get(request.sessionId());
        if (session == null || !Arrays.equals(session.password, request.passwd())) {
            return refused(request);
        }
        session.lastHeardMs = nowMs;
        return accepted(session);
    }

    private int negotiatedTimeoutMs(int askedMs) {
        return Math.clamp(askedMs, config.sessionTimeoutMsMin(), config.sessionTimeoutMsMax());
    }

    private static Handshake accepted(Session session) {
        return new Handshake(new ConnectResponse(0, session.timeoutMs, session.id, session.password, false), true);
    }

    private static Handshake refused(ConnectRequest request) {
        byte[] noPassword = new byte[PasswordGenerator.PASSWORD_BYTES];
        return new Handshake(new ConnectResponse(0, 0, request.sessionId(), noPassword, false), false);
    }

    /** Answers one request of the session (connected through {@link #connect}), renewing it. */
    public Answer handle(long sessionId, int xid, ClientRequest request, long nowMs) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return new Answer(reply(xid, Code.SESSIONEXPIRED, new ServerResponse.Empty()), List.of(), true);
        }
        session.lastHeardMs = nowMs;
        return switch (request) {
            case ClientRequest.Ping r -> answer(xid, Reads.Outcome.ok(new ServerResponse.Empty()));
            case ClientRequest.CloseSession r -> close(sessionId, xid, nowMs);
            case ClientRequest.Create r -> write(sessionId, xid, r, nowMs);
            case ClientRequest.CreateTtl r -> write(sessionId, xid, r, nowMs);
            case ClientRequest.Delete r -> write(sessionId, xid, r, nowMs);
            case ClientRequest.SetData r -> write(sessionId, xid, r, nowMs);
            case ClientRequest.Check r -> write(sessionId, xid, r, nowMs);
            case ClientRequest.Multi r when r.opCode() == OpCode.MULTI -> write(sessionId, xid, r, nowMs);
            case ClientRequest.Multi r -> answer(xid, reads.multiRead(sessionId, r));
            case ClientRequest.Exists r -> answer(xid, reads.exists(sessionId, r));
            case ClientRequest.GetData r -> answer(xid, reads.getData(sessionId, r));
            case ClientRequest.GetChildren r -> answer(xid, reads.getChildren(sessionId, r));
            case ClientRequest.GetAcl r -> answer(xid, reads.getAcl(r));
            case ClientRequest.GetEphemerals r -> answer(xid, reads.getEphemerals(sessionId, r));
            case ClientRequest.GetAllChildrenNumber r -> answer(xid, reads.getAllChildrenNumber(r));
            case ClientRequest.AddWatch r -> answer(xid, reads.addWatch(sessionId, r));
            case ClientRequest.RemoveWatches r -> answer(xid, reads.removeWatches(sessionId, r));
            // One server is always caught up with itself.
            case ClientRequest.Sync r -> answer(xid, Reads.Outcome.ok(new ServerResponse.Sync(r.path())));
            case ClientRequest.SetWatches r ->
                new Answer(reply(xid, Code.OK, new ServerResponse.Empty()), reads.setWatches(sessionId, r), false);
            case ClientRequest.SetAcl r -> unimplemented(xid);
            // No ACL is ever checked, so credentials are accepted and ignored; refusing them would
            // make a client that calls addAuthInfo drop its session (AUTH_FAILED).
            case ClientRequest.Auth r -> answer(xid, Reads.Outcome.ok(new ServerResponse.Empty()));
            case ClientRequest.WhoAmI r -> unimplemented(xid);
            case ClientRequest.Unsupported r -> unimplemented(xid);
        };
    }

    private Answer write(long sessionId, int xid, ClientRequest request, long nowMs) {
        Reply<Op> op = TreeMapping.toOp(request);
        if (!(op instanceof Reply.Ok<Op> ok)) {
            return answer(xid, Reads.Outcome.failed(op.code()));
        }
        Applied applied = tree.apply(new Txn(tree.lastZxid() + 1, nowMs, sessionId, ok.value()));
        ServerResponse body = TreeMapping.toResponse(request, applied.result());
        // A failed multi carries its per-operation results with error 0 in the header, as
        // ZooKeeper's does: the client reads the results only then (and finds the failure in them).
        Code headerCode = applied.result() instanceof OpResult.Multi
                ? Code.OK
                : applied.result().code();
        return new Answer(reply(xid, headerCode, body), applied.events(), false);
    }

    private Answer close(long sessionId, int xid, long nowMs) {
        Applied applied = closeThroughTree(sessionId, nowMs);
        return new Answer(reply(xid, Code.OK, new ServerResponse.Empty()), applied.events(), true);
    }

    private Applied closeThroughTree(long sessionId, long nowMs) {
        sessions.remove(sessionId);
        return tree.apply(new Txn(tree.lastZxid() + 1, nowMs, sessionId, new Op.CloseSession()));
    }

    /** Expires, in id order, every session not heard from within its timeout by {@code nowMs}. */
    public Expiry expire(long nowMs) {
        List<Long> expired = new ArrayList<>();
        List<WatchEvent> events = new ArrayList<>();
        for (Session session : List.copyOf(sessions.values())) {
            if (session.expiredAt(nowMs)) {
                expired.add(session.id);
                events.addAll(closeThroughTree(session.id, nowMs).events());
            }
        }
        return new Expiry(expired, events);
    }

    /**
     * Removes the container and TTL nodes that are due ({@link ZNodeTree#containersToDelete}), one
     * transaction each, as ZooKeeper's ContainerManager does on its timer; returns the watch events
     * the removals fired. A node that gained a child since it was named stays (NOTEMPTY).
     */
    public List<WatchEvent> removeDueContainers(long nowMs) {
        List<WatchEvent> events = new ArrayList<>();
        for (String path : tree.containersToDelete(nowMs)) {
            Txn txn = new Txn(tree.lastZxid() + 1, nowMs, NO_SESSION, new Op.DeleteContainer(path));
            events.addAll(tree.apply(txn).events());
        }
        return events;
    }

    private Answer unimplemented(int xid) {
        return answer(xid, Reads.Outcome.failed(Code.UNIMPLEMENTED));
    }

    private Answer answer(int xid, Reads.Outcome outcome) {
        return new Answer(reply(xid, outcome.code(), outcome.body()), List.of(), false);
    }

    private Packets.Reply reply(int xid, Code code, ServerResponse body) {
        return new Packets.Reply(new ReplyHeader(xid, tree.lastZxid(), code.value()), body);
    }
}
