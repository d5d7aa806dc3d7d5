package sdlab.chapters.traffic.placement;

import sdlab.chapters.traffic.placement.PlacementMessage.Acquire;
import sdlab.chapters.traffic.placement.PlacementMessage.Verdict;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.traffic.ratelimit.KeyedRateLimiter;

/**
 * A shard of the shared counter store (the role Redis plays in most deployments): it holds
 * the limiters of the keys hashed to it and answers each acquire with a verdict. Every tier
 * that asks it shares one count per key, which is what makes the limit exact across POPs or
 * gateway instances; the price is the round trip.
 *
 * <p>Checks take {@code checkNanos} each and do not queue: at the chapter's rates a counter
 * node is busy well under one percent of the time.
 */
final class CounterNode implements Node {
    private final KeyedRateLimiter<String> limiters;
    private final long checkNanos;
    private final Wan wan;

    CounterNode(KeyedRateLimiter<String> limiters, long checkNanos, Wan wan) {
        this.limiters = limiters;
        this.checkNanos = checkNanos;
        this.wan = wan;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof Acquire acquire)) {
            throw new IllegalStateException("a counter node does not expect " + message);
        }
        long now = ctx.nowNanos();
        boolean allowed = limiters.tryAcquire(acquire.key(), now, 1).allowed();
        wan.send(ctx, from, new Verdict(acquire.ticket(), allowed, now), checkNanos);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Wan.Transit transit) {
            Wan.deliver(transit, ctx);
        }
    }
}
