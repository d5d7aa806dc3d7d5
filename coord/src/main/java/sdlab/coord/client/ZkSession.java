package sdlab.coord.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import sdlab.coord.server.ClientMessages.Close;
import sdlab.coord.server.ClientMessages.Connect;
import sdlab.coord.server.ClientMessages.Disconnected;
import sdlab.coord.server.ClientMessages.Handshaken;
import sdlab.coord.server.ClientMessages.Packet;
import sdlab.coord.server.ClientMessages.Request;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.ReplyHeader;
import sdlab.coord.wire.ServerResponse;
import sdlab.coord.wire.TreeMapping;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/**
 * One client's connection and session to the replicated coordination service, as ZooKeeper's
 * Java client ({@code ClientCnxn}) keeps them: it connects to one server at a time, pings while
 * idle, and when the connection is lost (the server closes it, or a request or ping goes
 * unanswered for {@code requestTimeout}) it ends every pending request without an answer and
 * connects to the next server with the same session; a server that declares the session expired
 * makes it open a new one. The owner (a workload client, a lock recipe) sends requests through it
 * and hears replies, watch events and losses through its {@link Listener}.
 *
 * <p>Pure node code: the owner passes its own context in, and forwards every message and timer;
 * {@link #onMessage} and {@link #onTimer} say whether they were the session's.
 *
 * @param <C> the owner's context (a client's context, to complete operations; or a node's)
 */
public final class ZkSession<C extends NodeContext> {
    /** How long a client waits before it tries the next server, as ZooKeeper's client does between attempts. */
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(50);

    private static final int PING_XID = -2;

    /** What the owner hears. Every call comes from inside one of the owner's own handlers. */
    public interface Listener<C extends NodeContext> {
        /** The handshake succeeded; {@code newSession} if this is a session the client did not have before. */
        void connected(boolean newSession, C ctx);

        /** The answer to the request sent with {@code xid}. */
        void reply(int xid, Code code, ServerResponse body, C ctx);

        /** A watch fired (ZooKeeper's {@code WatchedEvent} with state SyncConnected). */
        void watchEvent(EventType type, String path, C ctx);

        /** The connection is lost: every request sent and not yet answered will never be answered. */
        void disconnected(String reason, C ctx);

        /** The server declared the session expired: its ephemeral nodes and watches are gone. */
        void expired(C ctx);
    }

    /** Fires when the request or handshake of attempt {@code attempt} has waited too long. */
    record RequestTimeout(long attempt) implements Timer {}

    /** Keeps the session alive while the owner is idle. */
    record PingDue() implements Timer {}

    /** Time to try the next server. */
    record ReconnectDue() implements Timer {}

    private final List<NodeId> servers;
    private final int sessionTimeoutMs;
    private final Duration requestTimeout;
    private final Listener<C> listener;
    private final TreeSet<Integer> outstanding = new TreeSet<>();

    private int serverIndex;
    private NodeId server;
    private boolean connected;
    private long sessionId;
    private byte[] password = new byte[16];
    private long lastZxidSeen;
    private int xid;
    private long attempt;
    private boolean pingOut;
    private boolean timeoutArmed;

    public ZkSession(
            List<NodeId> servers,
            int firstServer,
            int sessionTimeoutMs,
            Duration requestTimeout,
            Listener<C> listener) {
        if (servers.isEmpty() || sessionTimeoutMs <= 0) {
            throw new IllegalArgumentException("a session needs servers and a positive timeout");
        }
        this.servers = List.copyOf(servers);
        this.serverIndex = Math.floorMod(firstServer, servers.size());
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Connects to the first server and starts pinging. */
    public void start(C ctx) {
        connect(ctx);
        ctx.setTimer(pingInterval(), new PingDue());
    }

    /** Whether a handshake succeeded and no loss followed it. */
    public boolean connected() {
        return connected;
    }

    /** The session's id, or 0 before the first handshake and after an expiry. */
    public long sessionId() {
        return sessionId;
    }

    /** Sends {@code request} on the open connection and returns its xid; its answer comes to {@link Listener#reply}. */
    public int send(ClientRequest request, C ctx) {
        if (!connected) {
            throw new IllegalStateException("send only while connected; wait for Listener.connected");
        }
        outstanding.add(++xid);
        ctx.send(server, new Request(xid, request));
        armTimeout(ctx);
        return xid;
    }

    /** Handles {@code message} if it belongs to the session; false if it is the owner's. */
    public boolean onMessage(NodeId from, Message message, C ctx) {
        if (!(message instanceof Handshaken || message instanceof Packet || message instanceof Close)) {
            return false;
        }
        if (!from.equals(server)) {
            return true; // a server this client has moved away from
        }
        switch (message) {
            case Handshaken handshaken -> onHandshaken(handshaken, ctx);
            case Packet packet -> onPacket(packet, ctx);
            default -> connectionLost("the server closed the connection", ctx);
        }
        return true;
    }

    /** Handles {@code timer} if it is the session's; false if it is the owner's. */
    public boolean onTimer(Timer timer, C ctx) {
        switch (timer) {
            case RequestTimeout timeout -> {
                if (timeout.attempt() == attempt) {
                    connectionLost("no answer within " + requestTimeout.toMillis() + " ms", ctx);
                }
            }
            case ReconnectDue due -> connect(ctx);
            case PingDue ping -> {
                // As ZooKeeper's client, ping whether or not requests are out: the server keeps a
                // session alive only while it hears from its client.
                if (connected && !pingOut) {
                    pingOut = true;
                    ctx.send(server, new Request(PING_XID, new ClientRequest.Ping()));
                    if (!timeoutArmed) {
                        armTimeout(ctx); // an unanswered ping is how an idle client notices a dead server
                    }
                }
                ctx.setTimer(pingInterval(), new PingDue());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Duration pingInterval() {
        return Duration.ofMillis(sessionTimeoutMs / 3);
    }

    private void connect(C ctx) {
        server = servers.get(serverIndex);
        connected = false;
        ctx.send(
                server, new Connect(new ConnectRequest(0, lastZxidSeen, sessionTimeoutMs, sessionId, password, false)));
        armTimeout(ctx);
    }

    /** Arms the timeout afresh: a request is answered in turn, so the newest one bounds the wait. */
    private void armTimeout(C ctx) {
        timeoutArmed = true;
        ctx.setTimer(requestTimeout, new RequestTimeout(++attempt));
    }

    private void disarmTimeout() {
        timeoutArmed = false;
        attempt++;
    }

    private void onHandshaken(Handshaken handshaken, C ctx) {
        if (!handshaken.accepted()) {
            sessionId = 0; // expired: the next handshake opens a new session
            password = new byte[16];
            listener.expired(ctx);
            connectionLost("session expired", ctx);
            return;
        }
        boolean newSession = handshaken.response().sessionId() != sessionId;
        sessionId = handshaken.response().sessionId();
        password = handshaken.response().passwd();
        connected = true;
        disarmTimeout(); // the handshake's timeout no longer applies
        listener.connected(newSession, ctx);
    }

    private void onPacket(Packet packet, C ctx) {
        ReplyHeader header = packet.reply().header();
        if (header.zxid() > 0) {
            lastZxidSeen = Math.max(lastZxidSeen, header.zxid());
        }
        if (header.xid() == ReplyHeader.NOTIFICATION_XID) {
            if (packet.reply().body() instanceof ServerResponse.WatcherEvent event) {
                for (EventType type : EventType.values()) {
                    if (type.value() == event.type()) {
                        listener.watchEvent(type, event.path(), ctx);
                    }
                }
            }
            return;
        }
        if (header.xid() == PING_XID) {
            pingOut = false;
        } else if (!outstanding.remove(header.xid())) {
            return; // an answer to a request already given up on
        }
        if (outstanding.isEmpty() && !pingOut) {
            disarmTimeout(); // nothing is waiting: no timeout applies
        }
        if (header.xid() != PING_XID) {
            Code code = TreeMapping.code(header.err()).orElse(Code.SYSTEMERROR);
            listener.reply(header.xid(), code, packet.reply().body(), ctx);
        }
    }

    /**
     * As ZooKeeper's client on connection loss: requests out end without an answer, and it
     * reconnects to the next server after a short delay.
     */
    private void connectionLost(String reason, C ctx) {
        outstanding.clear();
        pingOut = false;
        ctx.send(server, new Disconnected());
        connected = false;
        disarmTimeout();
        serverIndex = (serverIndex + 1) % servers.size();
        ctx.setTimer(RECONNECT_DELAY, new ReconnectDue());
        listener.disconnected(reason, ctx);
    }
}
