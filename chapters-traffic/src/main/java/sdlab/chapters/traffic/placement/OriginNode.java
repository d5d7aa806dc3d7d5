package sdlab.chapters.traffic.placement;

import java.time.Duration;
import java.util.ArrayDeque;
import sdlab.chapters.traffic.placement.PlacementMessage.BidReply;
import sdlab.chapters.traffic.placement.PlacementMessage.BidRequest;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * The origin that computes bids: a fixed number of workers and a bounded FIFO queue in front
 * of them. Every request that reaches it costs worker time: a bid costs {@code bidNanos}; a
 * request it refuses itself (when the limiter sits here) still costs {@code rejectNanos},
 * since it has been accepted, decrypted, parsed and authenticated before the check. A full
 * queue sheds the request (503) without work.
 */
final class OriginNode implements Node {
    /** Requests waiting for a worker, at most. */
    static final int QUEUE_MAX = 10_000;

    /**
     * The origin's capacity and costs.
     *
     * @param workers requests served at once
     * @param bidNanos worker time to compute a bid
     * @param rejectNanos worker time to refuse a request
     */
    record Capacity(int workers, long bidNanos, long rejectNanos) {}

    private record Queued(BidRequest request, NodeId from, long arrivedAtNanos) {}

    private record Done(Queued job, PlacementMessage.Result result, long workNanos, long queueNanos) implements Timer {}

    private final Capacity capacity;
    private final Limiting limiting;
    private final PlacementTally tally;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private int busy;

    OriginNode(Capacity capacity, Limiting limiting, PlacementTally tally) {
        if (limiting instanceof Limiting.Shared) {
            throw new IllegalArgumentException("the chapter's origin limits in memory or not at all");
        }
        this.capacity = capacity;
        this.limiting = limiting;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof BidRequest request)) {
            throw new IllegalStateException("the origin does not expect " + message);
        }
        tally.reachedOrigin();
        if (queue.size() >= QUEUE_MAX) {
            tally.shed();
            ctx.send(from, new BidReply(request, PlacementMessage.Result.SHED, Tier.ORIGIN, 0));
            return;
        }
        queue.add(new Queued(request, from, ctx.nowNanos()));
        startWork(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof Done done)) {
            throw new IllegalStateException("unexpected timer " + timer);
        }
        busy--;
        tally.originWorked(done.workNanos());
        BidRequest request = done.job().request();
        if (done.result() == PlacementMessage.Result.THROTTLED) {
            tally.throttled(Tier.ORIGIN);
        }
        ctx.send(done.job().from(), new BidReply(request, done.result(), Tier.ORIGIN, done.queueNanos()));
        startWork(ctx);
    }

    private void startWork(NodeContext ctx) {
        while (busy < capacity.workers() && !queue.isEmpty()) {
            Queued job = queue.poll();
            busy++;
            Done done = work(job, ctx.nowNanos());
            ctx.setTimer(Duration.ofNanos(Math.max(1, done.workNanos())), done);
        }
    }

    /** What a worker does with the job it takes at {@code nowNanos}, and for how long. */
    private Done work(Queued job, long nowNanos) {
        long queueNanos = nowNanos - job.arrivedAtNanos();
        return switch (limiting) {
            case Limiting.None none -> new Done(job, PlacementMessage.Result.SERVED, capacity.bidNanos(), queueNanos);
            case Limiting.Local local -> {
                long checkNanos = local.checkNanos();
                Queued checked =
                        new Queued(job.request().decided(checkNanos, nowNanos), job.from(), job.arrivedAtNanos());
                if (!local.limiters()
                        .tryAcquire(job.request().key(), nowNanos, 1)
                        .allowed()) {
                    yield new Done(checked, PlacementMessage.Result.THROTTLED, capacity.rejectNanos(), queueNanos);
                }
                yield new Done(checked, PlacementMessage.Result.SERVED, capacity.bidNanos() + checkNanos, queueNanos);
            }
            case Limiting.Shared shared -> throw new IllegalStateException("checked in the constructor");
        };
    }
}
