package sdlab.kv.causal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.kv.causal.CausalMessages.ClientReply;
import sdlab.kv.causal.CausalMessages.Get;
import sdlab.kv.causal.CausalMessages.GetOk;
import sdlab.kv.causal.CausalMessages.Put;
import sdlab.kv.causal.CausalMessages.PutOk;
import sdlab.kv.causal.CausalMessages.Refused;
import sdlab.kv.causal.CausalTimers.ClientTimeout;

/**
 * A client of the causal store, COPS's client library: it keeps the client's context (the versions
 * it read, or the one it last wrote) and sends it with every request.
 *
 * <ul>
 *   <li>write (key, value): {@code Ok(value)} once the replica applied it durably; {@code Unknown}
 *       on a timeout; {@code Fail} when refused.
 *   <li>read (key): {@code Ok(value)}, the replica's visible value (null if never written);
 *       {@code Fail} on a timeout or a refusal (a read changes nothing).
 * </ul>
 *
 * A write left unknown does not enter the context: the client cannot depend on a write it does
 * not know happened. A null key is stored under {@code ""}.
 */
public final class CausalClient implements Client {
    public static final String WRITE = "write";
    public static final String READ = "read";
    /** Operations one client keeps open at once; more fail at once. */
    static final int OPERATIONS_IN_FLIGHT_MAX = 1024;

    private final CausalConfig config;
    private final NodeId home;
    private final TreeMap<Long, Open> open = new TreeMap<>();
    private Context context = Context.EMPTY;
    private long nextRequestId;

    private record Open(long opId, String f, String key, Object value, TimerId timer) {}

    /** A client whose own replica is {@code home} (in {@link CausalConfig.ClientMode#LOCAL_REPLICA} mode). */
    public CausalClient(CausalConfig config, NodeId home) {
        this.config = Objects.requireNonNull(config, "config");
        this.home = Objects.requireNonNull(home, "home");
        if (!config.replicas().contains(home)) {
            throw new IllegalArgumentException(home + " is not one of the replicas " + config.replicas());
        }
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        String key = invocation.key() == null ? "" : invocation.key();
        long requestId = nextRequestId++;
        CausalMessages.ClientRequest request =
                switch (invocation.f()) {
                    case WRITE -> new Put(requestId, key, invocation.value(), context);
                    case READ -> new Get(requestId, key, context);
                    default -> null;
                };
        if (request == null || open.size() >= OPERATIONS_IN_FLIGHT_MAX) {
            String reason = request == null
                    ? "the causal store takes " + WRITE + " and " + READ + ", not '" + invocation.f() + "'"
                    : "client has too many operations in flight";
            ctx.complete(invocation.opId(), Outcome.fail(reason));
            return;
        }
        TimerId timer = ctx.setTimer(Duration.ofMillis(config.clientTimeoutMs()), new ClientTimeout(requestId));
        open.put(requestId, new Open(invocation.opId(), invocation.f(), key, invocation.value(), timer));
        ctx.send(replica(ctx), request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof ClientReply reply)) {
            return;
        }
        Open op = open.remove(reply.requestId());
        if (op == null) {
            return; // already timed out and reported
        }
        ctx.cancelTimer(op.timer());
        ctx.complete(op.opId(), outcome(op, reply));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof ClientTimeout timeout) {
            Open op = open.remove(timeout.requestId());
            if (op != null) {
                String reason = "no answer within " + config.clientTimeoutMs() + " ms";
                ctx.complete(op.opId(), op.f().equals(WRITE) ? Outcome.unknown(reason) : Outcome.fail(reason));
            }
        }
    }

    /** The client's own replica: the one it talks to in {@link CausalConfig.ClientMode#LOCAL_REPLICA} mode. */
    public NodeId home() {
        return home;
    }

    /** The client's current context: what its next operation depends on. */
    public Context context() {
        return context;
    }

    private Outcome outcome(Open op, ClientReply reply) {
        return switch (reply) {
            case PutOk ok -> {
                context = Context.afterWrite(op.key(), ok.version());
                yield Outcome.ok(op.value());
            }
            case GetOk ok -> {
                if (ok.version() != null) {
                    context = context.afterRead(op.key(), ok.version());
                }
                yield Outcome.ok(ok.value());
            }
            case Refused refused -> Outcome.fail(refused.reason());
        };
    }

    private NodeId replica(ClientContext ctx) {
        List<NodeId> replicas = config.replicas();
        return switch (config.clientMode()) {
            case LOCAL_REPLICA -> home;
            case ANY_REPLICA_WITH_TOKEN -> replicas.get(ctx.random().nextInt(replicas.size()));
        };
    }
}
