package sdlab.kv.quorum;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.kv.quorum.QuorumMessages.ClientReply;
import sdlab.kv.quorum.QuorumMessages.QuorumFailed;
import sdlab.kv.quorum.QuorumMessages.Read;
import sdlab.kv.quorum.QuorumMessages.ReadOk;
import sdlab.kv.quorum.QuorumMessages.Rejected;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.QuorumMessages.WriteOk;
import sdlab.kv.quorum.QuorumTimers.ClientTimeout;

/**
 * A client of the quorum store: turns the workload's {@code "write"} (key, value) and
 * {@code "read"} (key) operations into requests to a coordinator and reports how each ended.
 *
 * <ul>
 *   <li>write: {@code Ok(value written)} after W durable acks; {@code Unknown} on a client
 *       timeout or when the coordinator missed its quorum (some replicas may have it);
 *       {@code Fail} only when the coordinator refused it before sending it anywhere.
 *   <li>read: {@code Ok(value)}, the newest value a read quorum knew, or null for a key never
 *       written; {@code Fail} on a timeout or a missed quorum. A read changes nothing (read
 *       repair only spreads a version some write already produced), so a read without an
 *       answer certainly had no effect.
 * </ul>
 *
 * A null key (a single-register workload) is stored under the empty key {@code ""}.
 */
public final class QuorumClient implements Client {
    /** The operation name of a write. */
    public static final String WRITE = "write";
    /** The operation name of a read. */
    public static final String READ = "read";
    /** Operations one client keeps open at once; more fail at once (nothing was sent). */
    static final int OPERATIONS_IN_FLIGHT_MAX = 1024;

    private final QuorumConfig config;
    private final List<NodeId> nodes;
    private final Optional<NodeId> pinned;
    private final Map<Long, Open> open = new HashMap<>();
    private NodeId sticky;
    private long nextRequestId;

    private record Open(long opId, String f, Object value, TimerId timer) {}

    /** A client choosing coordinators among {@code nodes} as {@code config.coordinatorChoice()} says. */
    public QuorumClient(QuorumConfig config, List<NodeId> nodes) {
        this(config, nodes, Optional.empty());
    }

    /** A client that sends every operation to {@code coordinator}. */
    public QuorumClient(QuorumConfig config, List<NodeId> nodes, NodeId coordinator) {
        this(config, nodes, Optional.of(coordinator));
    }

    private QuorumClient(QuorumConfig config, List<NodeId> nodes, Optional<NodeId> pinned) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodes = List.copyOf(nodes);
        this.pinned = pinned;
        if (this.nodes.isEmpty()) {
            throw new IllegalArgumentException("a quorum client needs at least one node to talk to");
        }
        pinned.ifPresent(node -> {
            if (!this.nodes.contains(node)) {
                throw new IllegalArgumentException("coordinator " + node + " is not one of " + this.nodes);
            }
        });
    }

    @Override
    public void onStart(ClientContext ctx) {
        sticky = nodes.get(ctx.random().nextInt(nodes.size()));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        String key = invocation.key() == null ? "" : invocation.key();
        long requestId = nextRequestId++;
        QuorumMessages.ClientRequest request =
                switch (invocation.f()) {
                    case WRITE -> new Write(requestId, key, invocation.value());
                    case READ -> new Read(requestId, key);
                    default -> null;
                };
        if (request == null) {
            ctx.complete(
                    invocation.opId(),
                    Outcome.fail("unsupported operation '" + invocation.f() + "': the quorum store supports " + WRITE
                            + " and " + READ));
            return;
        }
        if (open.size() >= OPERATIONS_IN_FLIGHT_MAX) {
            ctx.complete(invocation.opId(), Outcome.fail("client has too many operations in flight"));
            return;
        }
        TimerId timer = ctx.setTimer(Duration.ofMillis(config.clientTimeoutMs()), new ClientTimeout(requestId));
        open.put(requestId, new Open(invocation.opId(), invocation.f(), invocation.value(), timer));
        ctx.send(coordinator(ctx), request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof ClientReply reply)) {
            return;
        }
        Open op = open.remove(reply.requestId());
        if (op == null) {
            return; // already timed out: the outcome was reported as indefinite
        }
        ctx.cancelTimer(op.timer());
        ctx.complete(op.opId(), outcome(op, reply));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof ClientTimeout timeout) {
            Open op = open.remove(timeout.requestId());
            if (op != null) {
                ctx.complete(op.opId(), indefinite(op, "no answer within " + config.clientTimeoutMs() + " ms"));
            }
        }
    }

    private static Outcome outcome(Open op, ClientReply reply) {
        return switch (reply) {
            case WriteOk ok -> Outcome.ok(op.value());
            case ReadOk ok -> Outcome.ok(ok.value());
            case QuorumFailed failed -> indefinite(op, failed.reason());
            case Rejected rejected -> Outcome.fail(rejected.reason());
        };
    }

    /** A write without a definite answer may have been applied; a read without one changed nothing. */
    private static Outcome indefinite(Open op, String reason) {
        return op.f().equals(WRITE) ? Outcome.unknown(reason) : Outcome.fail(reason);
    }

    private NodeId coordinator(ClientContext ctx) {
        if (pinned.isPresent()) {
            return pinned.get();
        }
        return switch (config.coordinatorChoice()) {
            case STICKY_PER_CLIENT -> sticky;
            case RANDOM_PER_OPERATION -> nodes.get(ctx.random().nextInt(nodes.size()));
        };
    }
}
