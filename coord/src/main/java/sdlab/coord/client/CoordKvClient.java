package sdlab.coord.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.coord.server.ClientMessages.Close;
import sdlab.coord.server.ClientMessages.Connect;
import sdlab.coord.server.ClientMessages.Disconnected;
import sdlab.coord.server.ClientMessages.Handshaken;
import sdlab.coord.server.ClientMessages.Packet;
import sdlab.coord.server.ClientMessages.Request;
import sdlab.coord.tree.Code;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.ServerResponse;
import sdlab.coord.wire.TreeMapping;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A key-value workload on znodes, one znode {@code /<key>} per key holding the value's text:
 *
 * <ul>
 *   <li>{@code write k v}: create {@code /k} with {@code v}; if it exists, setData it (version
 *       -1). Either step is one transaction, so the write takes effect at exactly one point.
 *   <li>{@code read k}: sync, then getData: ZooKeeper's recipe for a read that sees every write
 *       completed before it began.
 *   <li>{@code stale-read k}: getData alone, answered by whichever server the client is
 *       connected to, as ZooKeeper serves reads; it may miss writes a lagging server has not
 *       applied.
 * </ul>
 *
 * <p>One operation at a time. A lost connection (the server closes it, or answers nothing for
 * {@code requestTimeout}) ends the operation: a write as unknown, a read as failed (it changed
 * nothing). The client then connects to the next server with its session; if that server
 * declares the session expired it opens a new one.
 */
public final class CoordKvClient implements Client {
    private static final int SESSION_TIMEOUT_MS = 1_000;

    /** Fires when the request of attempt {@code attempt} has waited too long. */
    record RequestTimeout(long attempt) implements Timer {}

    /** Keeps the session alive while the workload is idle. */
    record PingDue() implements Timer {}

    /** Time to try the next server. */
    record ReconnectDue() implements Timer {}

    /** How long a client waits before it tries the next server, as ZooKeeper's client does between attempts. */
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(50);

    private enum Step {
        CREATE,
        SET,
        SYNC,
        GET
    }

    private final List<NodeId> servers;
    private final Duration requestTimeout;

    private int serverIndex;
    private NodeId server;
    private boolean connected;
    private long sessionId;
    private byte[] password = new byte[16];
    private long lastZxidSeen;
    private int xid;
    private long attempt;
    private Invocation current;
    private Step step;
    private final Map<Integer, Step> waiting = new TreeMap<>();

    public CoordKvClient(List<NodeId> servers, int firstServer, Duration requestTimeout) {
        this.servers = List.copyOf(servers);
        this.serverIndex = Math.floorMod(firstServer, servers.size());
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public void onStart(ClientContext ctx) {
        connect(ctx);
        ctx.setTimer(Duration.ofMillis(SESSION_TIMEOUT_MS / 3), new PingDue());
    }

    private void connect(ClientContext ctx) {
        server = servers.get(serverIndex);
        connected = false;
        ctx.send(
                server,
                new Connect(new ConnectRequest(0, lastZxidSeen, SESSION_TIMEOUT_MS, sessionId, password, false)));
        armTimeout(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        current = invocation;
        if (connected) {
            begin(ctx);
        }
    }

    private void begin(ClientContext ctx) {
        String path = "/" + current.key();
        switch (current.f()) {
            case "write" ->
                send(
                        Step.CREATE,
                        new ClientRequest.Create(OpCode.CREATE, path, valueBytes(), List.of(Acl.OPEN_UNSAFE), 0),
                        ctx);
            case "read" -> send(Step.SYNC, new ClientRequest.Sync(path), ctx);
            case "stale-read" -> send(Step.GET, new ClientRequest.GetData(path, false), ctx);
            default -> finish(Outcome.fail("unknown operation " + current.f()), ctx);
        }
    }

    private byte[] valueBytes() {
        return String.valueOf(current.value()).getBytes(StandardCharsets.UTF_8);
    }

    private void send(Step next, ClientRequest request, ClientContext ctx) {
        step = next;
        waiting.put(++xid, next);
        ctx.send(server, new Request(xid, request));
        armTimeout(ctx);
    }

    private void armTimeout(ClientContext ctx) {
        ctx.setTimer(requestTimeout, new RequestTimeout(++attempt));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!from.equals(server)) {
            return; // a server this client has moved away from
        }
        switch (message) {
            case Handshaken handshaken -> onHandshaken(handshaken, ctx);
            case Packet packet -> onPacket(packet, ctx);
            case Close close -> connectionLost("the server closed the connection", ctx);
            default -> {}
        }
    }

    private void onHandshaken(Handshaken handshaken, ClientContext ctx) {
        if (!handshaken.accepted()) {
            sessionId = 0; // expired: the next handshake opens a new session
            password = new byte[16];
            connectionLost("session expired", ctx);
            return;
        }
        sessionId = handshaken.response().sessionId();
        password = handshaken.response().passwd();
        connected = true;
        attempt++; // the handshake's timeout no longer applies
        if (current != null) {
            begin(ctx);
        }
    }

    private void onPacket(Packet packet, ClientContext ctx) {
        int replyXid = packet.reply().header().xid();
        if (packet.reply().header().zxid() > 0) {
            lastZxidSeen = Math.max(lastZxidSeen, packet.reply().header().zxid());
        }
        Step answered = waiting.remove(replyXid);
        if (answered == null || current == null || answered != step) {
            return; // a ping's answer, a watch event, or an answer to an operation already ended
        }
        Code code = TreeMapping.code(packet.reply().header().err()).orElse(Code.SYSTEMERROR);
        switch (answered) {
            case CREATE -> {
                if (code == Code.OK) {
                    finish(Outcome.ok(current.value()), ctx);
                } else if (code == Code.NODEEXISTS) {
                    send(Step.SET, new ClientRequest.SetData("/" + current.key(), valueBytes(), -1), ctx);
                } else {
                    finish(Outcome.unknown("create answered " + code), ctx);
                }
            }
            case SET ->
                finish(
                        code == Code.OK ? Outcome.ok(current.value()) : Outcome.unknown("setData answered " + code),
                        ctx);
            case SYNC -> {
                if (code == Code.OK) {
                    send(Step.GET, new ClientRequest.GetData("/" + current.key(), false), ctx);
                } else {
                    finish(Outcome.fail("sync answered " + code), ctx);
                }
            }
            case GET -> {
                if (code == Code.NONODE) {
                    finish(Outcome.ok(null), ctx);
                } else if (code == Code.OK && packet.reply().body() instanceof ServerResponse.GetData data) {
                    finish(Outcome.ok(Long.valueOf(new String(data.data(), StandardCharsets.UTF_8))), ctx);
                } else {
                    finish(Outcome.fail("getData answered " + code), ctx);
                }
            }
        }
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        ctx.complete(current.opId(), outcome);
        current = null;
        step = null;
        attempt++;
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case RequestTimeout timeout
            when timeout.attempt() == attempt ->
                connectionLost("no answer within " + requestTimeout.toMillis() + " ms", ctx);
            case ReconnectDue due -> connect(ctx);
            case PingDue ping -> {
                if (connected && current == null) {
                    ctx.send(server, new Request(-2, new ClientRequest.Ping()));
                }
                ctx.setTimer(Duration.ofMillis(SESSION_TIMEOUT_MS / 3), new PingDue());
            }
            default -> {}
        }
    }

    /**
     * As ZooKeeper's client on connection loss: an operation with a request out ends without an
     * answer (one not yet sent waits for the next connection), and it reconnects elsewhere.
     */
    private void connectionLost(String reason, ClientContext ctx) {
        if (current != null && step != null) {
            boolean mayHaveWritten = "write".equals(current.f()) && step != null;
            finish(mayHaveWritten ? Outcome.unknown(reason) : Outcome.fail(reason), ctx);
        }
        waiting.clear();
        ctx.send(server, new Disconnected());
        connected = false;
        attempt++;
        serverIndex = (serverIndex + 1) % servers.size();
        ctx.setTimer(RECONNECT_DELAY, new ReconnectDue());
    }
}
