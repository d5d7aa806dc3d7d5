package sdlab.coord.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.ServerResponse;
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
 * <p>One operation at a time. The connection and session are a {@link ZkSession}: a lost
 * connection (the server closes it, or answers nothing for {@code requestTimeout}) ends the
 * operation, a write as unknown, a read as failed (it changed nothing), and the session moves to
 * the next server, or opens a new one if that server declares it expired.
 */
public final class CoordKvClient implements Client, ZkSession.Listener<ClientContext> {
    private static final int SESSION_TIMEOUT_MS = 1_000;

    private enum Step {
        CREATE,
        SET,
        SYNC,
        GET
    }

    private final ZkSession<ClientContext> session;

    private Invocation current;
    private Step step;
    private final Map<Integer, Step> waiting = new TreeMap<>();

    public CoordKvClient(List<NodeId> servers, int firstServer, Duration requestTimeout) {
        this.session = new ZkSession<>(servers, firstServer, SESSION_TIMEOUT_MS, requestTimeout, this);
    }

    @Override
    public void onStart(ClientContext ctx) {
        session.start(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        current = invocation;
        if (session.connected()) {
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
        waiting.put(session.send(request, ctx), next);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        session.onMessage(from, message, ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        session.onTimer(timer, ctx);
    }

    @Override
    public void connected(boolean newSession, ClientContext ctx) {
        if (current != null) {
            begin(ctx);
        }
    }

    @Override
    public void watchEvent(EventType type, String path, ClientContext ctx) {
        // This workload sets no watches.
    }

    @Override
    public void expired(ClientContext ctx) {
        // Nothing of this workload lives in the session: the loss that follows ends the operation.
    }

    @Override
    public void reply(int xid, Code code, ServerResponse body, ClientContext ctx) {
        Step answered = waiting.remove(xid);
        if (answered == null || current == null || answered != step) {
            return; // an answer to an operation already ended
        }
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
                } else if (code == Code.OK && body instanceof ServerResponse.GetData data) {
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
    }

    /**
     * As ZooKeeper's client on connection loss: an operation with a request out ends without an
     * answer (a write as unknown, a read as failed); one not yet sent waits for the next connection.
     */
    @Override
    public void disconnected(String reason, ClientContext ctx) {
        if (current != null && step != null) {
            boolean mayHaveWritten = "write".equals(current.f());
            finish(mayHaveWritten ? Outcome.unknown(reason) : Outcome.fail(reason), ctx);
        }
        waiting.clear();
    }
}
