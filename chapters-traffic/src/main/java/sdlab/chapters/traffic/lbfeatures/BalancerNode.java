package sdlab.chapters.traffic.lbfeatures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Closed;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Connect;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Connected;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Done;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Proxied;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Ready;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Refused;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Request;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Response;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Stop;
import sdlab.chapters.traffic.lbfeatures.LbParams.Balance;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.traffic.balance.Backend;
import sdlab.traffic.balance.BalancePolicy;
import sdlab.traffic.balance.ServerGroup;
import sdlab.traffic.balance.Stickiness;

/**
 * The load balancer, which also runs the rolling deploy. Which backend takes a request (or,
 * balancing per connection, a connection) is the shared {@link ServerGroup}'s decision, the one
 * sdlab's gateway makes: round robin over the backends in rotation, or with affinity, the
 * session's backend named by the affinity cookie (balancing per connection, a TCP balancer
 * cannot read cookies: a ring hash of the client's address). During the deploy it takes one
 * backend at a time out of rotation (draining it in the shared state); without draining it
 * stops it at once and answers its requests in flight as lost; with draining it waits for them
 * (up to a timeout) and, balancing per connection, asks browsers to move off its connections
 * (GOAWAY) before stopping it. The waiting, the stopping and the bookkeeping of requests in
 * flight are this node's I/O.
 */
final class BalancerNode implements Node {

    /**
     * How the balancer is set up.
     *
     * @param backends the backends, in rotation order
     * @param balance what it assigns to a backend
     * @param affinity whether a user's requests go to its session's backend
     * @param draining whether a leaving backend's requests in flight are waited for
     * @param deployAtNanos when the rolling deploy starts
     * @param drainTimeoutNanos the longest wait for a draining backend
     */
    record Setup(
            List<NodeId> backends,
            Balance balance,
            boolean affinity,
            boolean draining,
            long deployAtNanos,
            long drainTimeoutNanos) {
        Setup {
            backends = List.copyOf(backends);
        }
    }

    private record DeployStart() implements Timer {}

    private record DrainTimeout(NodeId backend) implements Timer {}

    private record ConnectionKey(NodeId client, int connection) {}

    private record InFlight(NodeId client, long requestId) {}

    private final Setup setup;
    private final LbTally tally;
    private final ServerGroup<Backend> group;
    private final Map<NodeId, Backend> backendOf = new HashMap<>();
    private final Map<NodeId, LinkedHashMap<InFlight, Long>> inFlight = new HashMap<>();
    private final LinkedHashMap<ConnectionKey, NodeId> bindings = new LinkedHashMap<>();
    private int nextToDeploy;
    private NodeId drainingBackend;

    BalancerNode(Setup setup, LbTally tally) {
        this.setup = setup;
        this.tally = tally;
        List<Backend> servers = new ArrayList<>();
        for (NodeId backend : setup.backends()) {
            inFlight.put(backend, new LinkedHashMap<>());
            Backend server = new Backend(backend.name());
            backendOf.put(backend, server);
            servers.add(server);
        }
        this.group = new ServerGroup<>(servers, BalancePolicy.ROUND_ROBIN, stickiness(setup), 0);
    }

    /** The gateway's stickiness that this balancer's affinity is: cookie per request, client address per connection. */
    static Stickiness stickiness(Setup setup) {
        if (!setup.affinity()) {
            return Stickiness.NONE;
        }
        return setup.balance() == Balance.PER_CONNECTION ? Stickiness.CLIENT_ADDRESS : Stickiness.COOKIE;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(setup.deployAtNanos()), new DeployStart());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Connect connect -> {
                if (setup.balance() == Balance.PER_CONNECTION) {
                    bindings.put(new ConnectionKey(from, connect.connection()), choose(from, null, ctx));
                }
                ctx.send(from, new Connected(connect.connection()));
            }
            case Request request -> forward(from, request, ctx);
            case Done done -> answered(from, done, ctx);
            case Ready ready -> {
                backendOf.get(from).returnToService();
                group.refresh(ctx.nowNanos());
                deployNext(ctx);
            }
            default -> throw new IllegalStateException("the balancer does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case DeployStart start -> {
                tally.deployStarted(ctx.nowNanos());
                deployNext(ctx);
            }
            case DrainTimeout timeout -> {
                if (timeout.backend().equals(drainingBackend)) {
                    stop(timeout.backend(), ctx);
                }
            }
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    private void forward(NodeId client, Request request, NodeContext ctx) {
        NodeId backend = setup.balance() == Balance.PER_CONNECTION
                ? bindings.get(new ConnectionKey(client, request.connection()))
                : choose(client, request.sticky(), ctx);
        if (backend == null) {
            // The connection went with its backend while this request was on its way; nothing
            // read it, so the browser may safely send it again elsewhere.
            ctx.send(client, new Refused(request.connection(), request.requestId()));
            return;
        }
        countRouting(request.sessionId(), backend, ctx.nowNanos());
        inFlight.get(backend).put(new InFlight(client, request.requestId()), request.sessionId());
        ctx.send(backend, new Proxied(client, request.requestId(), request.sessionId()));
    }

    /** A request whose session lives on a backend in rotation, sent elsewhere, is misrouted. */
    private void countRouting(long sessionId, NodeId chosen, long nowNanos) {
        int home = BackendNode.homeOf(sessionId);
        if (home == 0) {
            return;
        }
        NodeId homeBackend = setup.backends().get(home - 1);
        if (backendOf.get(homeBackend).available(nowNanos)) {
            tally.routed(!homeBackend.equals(chosen));
        }
    }

    /** The shared decision: the backend for a request or connection from {@code client}, or null if none serves. */
    private NodeId choose(NodeId client, NodeId sticky, NodeContext ctx) {
        String cookie = sticky == null ? null : backendOf.get(sticky).id();
        ServerGroup.Choice<Backend> choice =
                group.choose(new ServerGroup.Keys(cookie, client.name(), null), ctx.nowNanos(), null);
        return choice == null ? null : NodeId.of(choice.server().address());
    }

    private void answered(NodeId backend, Done done, NodeContext ctx) {
        if (inFlight.get(backend).remove(new InFlight(done.client(), done.requestId())) == null) {
            return;
        }
        ctx.send(done.client(), new Response(done.requestId(), true, backend, done.sessionId()));
        if (backend.equals(drainingBackend) && inFlight.get(backend).isEmpty()) {
            stop(backend, ctx);
        }
    }

    private void deployNext(NodeContext ctx) {
        if (nextToDeploy == setup.backends().size()) {
            tally.deployFinished(ctx.nowNanos());
            return;
        }
        NodeId backend = setup.backends().get(nextToDeploy++);
        backendOf.get(backend).startDraining();
        group.refresh(ctx.nowNanos());
        drainingBackend = backend;
        goAway(backend, ctx);
        if (!setup.draining() || inFlight.get(backend).isEmpty()) {
            stop(backend, ctx);
        } else {
            ctx.setTimer(Duration.ofNanos(setup.drainTimeoutNanos()), new DrainTimeout(backend));
        }
    }

    /** Stops {@code backend}; whatever it still had in flight is answered as lost. */
    private void stop(NodeId backend, NodeContext ctx) {
        drainingBackend = null;
        for (Map.Entry<InFlight, Long> lost : inFlight.get(backend).entrySet()) {
            InFlight request = lost.getKey();
            ctx.send(request.client(), new Response(request.requestId(), false, null, lost.getValue()));
        }
        inFlight.get(backend).clear();
        bindings.values().removeIf(backend::equals);
        ctx.send(backend, new Stop());
    }

    /**
     * Balancing per connection, tells the browsers to stop sending on their connections to a
     * leaving backend (GOAWAY). The connections stay bound until the backend stops, so that
     * requests already on their way are still served by it while it drains.
     */
    private void goAway(NodeId backend, NodeContext ctx) {
        for (Map.Entry<ConnectionKey, NodeId> entry : bindings.entrySet()) {
            if (entry.getValue().equals(backend)) {
                ctx.send(entry.getKey().client(), new Closed(entry.getKey().connection()));
            }
        }
    }
}
