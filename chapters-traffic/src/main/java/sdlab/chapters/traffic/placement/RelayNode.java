package sdlab.chapters.traffic.placement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.traffic.placement.PlacementMessage.BidReply;
import sdlab.chapters.traffic.placement.PlacementMessage.BidRequest;
import sdlab.chapters.traffic.placement.PlacementMessage.Verdict;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.traffic.ratelimit.Decision;

/**
 * A tier between the bidder and the origin that forwards bid requests inwards and replies
 * outwards: a CDN POP or an API gateway instance. When the chapter puts the limiter here, the
 * tier checks each request's key before forwarding it, in its own memory or by asking a
 * counter node, and answers refused requests itself (429), so they go no further.
 */
final class RelayNode implements Node {
    /** Requests waiting for a counter node's verdict, at most; beyond it the tier fails open. */
    static final int PENDING_MAX = 4096;

    /**
     * Where this relay sends requests inwards.
     *
     * @param next the nodes of the next tier inwards
     * @param byKey true to pick the next node by the key's hash, false to take turns
     */
    record Inward(List<NodeId> next, boolean byKey) {
        Inward {
            next = List.copyOf(next);
        }
    }

    private record Pending(BidRequest request, long arrivedAtNanos) {}

    private final Tier tier;
    private final Limiting limiting;
    private final Inward inward;
    private final Wan wan;
    private final PlacementTally tally;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long ticketsIssued;
    private long forwarded;

    RelayNode(Tier tier, Limiting limiting, Inward inward, Wan wan, PlacementTally tally) {
        if (tier != Tier.EDGE && tier != Tier.GATEWAY) {
            throw new IllegalArgumentException("a relay is an edge POP or a gateway, not " + tier);
        }
        this.tier = tier;
        this.limiting = limiting;
        this.inward = inward;
        this.wan = wan;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case BidRequest request -> admit(request.via(tier, ctx.self()), ctx);
            case Verdict verdict -> decided(verdict, ctx);
            case BidReply reply -> wan.send(ctx, outward(reply.request()), reply, 0);
            default -> throw new IllegalStateException("a relay does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Wan.Transit transit) {
            Wan.deliver(transit, ctx);
        }
    }

    private void admit(BidRequest request, NodeContext ctx) {
        switch (limiting) {
            case Limiting.None none -> forward(request, 0, ctx);
            case Limiting.Local local -> {
                long now = ctx.nowNanos();
                Decision decision = local.limiters().tryAcquire(request.key(), now, 1);
                BidRequest decided = request.decided(local.checkNanos(), now);
                if (decision.allowed()) {
                    forward(decided, local.checkNanos(), ctx);
                } else {
                    refuse(decided, local.checkNanos(), ctx);
                }
            }
            case Limiting.Shared shared -> ask(shared, request, ctx);
        }
    }

    private void ask(Limiting.Shared shared, BidRequest request, NodeContext ctx) {
        if (pending.size() >= PENDING_MAX) {
            tally.failedOpen();
            forward(request.decided(0, ctx.nowNanos()), 0, ctx);
            return;
        }
        long ticket = ++ticketsIssued;
        pending.put(ticket, new Pending(request, ctx.nowNanos()));
        wan.send(ctx, shared.counterOf(request.key()), new PlacementMessage.Acquire(ticket, request.key()), 0);
    }

    private void decided(Verdict verdict, NodeContext ctx) {
        Pending waiting = pending.remove(verdict.ticket());
        if (waiting == null) {
            throw new IllegalStateException("verdict for unknown ticket " + verdict.ticket());
        }
        BidRequest request =
                waiting.request().decided(ctx.nowNanos() - waiting.arrivedAtNanos(), verdict.decidedAtNanos());
        if (verdict.allowed()) {
            forward(request, 0, ctx);
        } else {
            refuse(request, 0, ctx);
        }
    }

    private void forward(BidRequest request, long holdNanos, NodeContext ctx) {
        List<NodeId> next = inward.next();
        int index =
                inward.byKey() ? Math.floorMod(request.key().hashCode(), next.size()) : (int) (forwarded % next.size());
        forwarded++;
        wan.send(ctx, next.get(index), request, holdNanos);
    }

    private void refuse(BidRequest request, long holdNanos, NodeContext ctx) {
        tally.throttled(tier);
        BidReply reply = new BidReply(request, PlacementMessage.Result.THROTTLED, tier, 0);
        wan.send(ctx, outward(request), reply, holdNanos);
    }

    /** The next node outwards: the bidder from a POP, the POP from a gateway. */
    private NodeId outward(BidRequest request) {
        return tier == Tier.EDGE ? request.client() : request.pop();
    }
}
