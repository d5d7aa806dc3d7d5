package sdlab.chapters.traffic.placement;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import sdlab.chapters.traffic.placement.PlacementMessage.BidReply;
import sdlab.chapters.traffic.placement.PlacementMessage.BidRequest;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.sim.Latency;
import sdlab.traffic.ratelimit.RateLimiter;

/**
 * A bidder: sends bid requests at its own Poisson rate for the run's duration, whatever the
 * replies say (an open loop, as an ad exchange does). Its SDK may limit it before a request
 * leaves; a modified SDK does not.
 *
 * <p>Each bidder also keeps the moments at which the limiting tier counted its requests (the
 * replies carry them back). After the run, the quota's arithmetic ({@link Quota}) says how many
 * of them any correct limiter seeing all of them could have admitted: that is what the bidder
 * was entitled to. No limiter takes part in that count, so a broken one cannot vouch for
 * itself; served requests beyond it are over-admitted.
 */
final class BidderClient implements Client {

    /** How a bidder behaves. */
    enum Kind {
        GOOD,
        ABUSIVE,
        /** Abusive, and its SDK skips the client-side limit. */
        MODIFIED
    }

    /** Time to send the next bid request. */
    record NextBid() implements Timer {}

    /**
     * How a bidder is set up.
     *
     * @param kind its behaviour
     * @param gap the time between its requests
     * @param pops the POPs it sends through, one drawn per request
     * @param limitsAtClient true when the variant puts the limiter in the SDK (the moment of
     *     sending is then the moment of counting, whether the SDK checks or was modified)
     * @param sdk the SDK's limiter, empty when the SDK does not limit (or was modified)
     * @param quota the quota, for the entitled count after the run
     * @param endNanos when it stops sending
     * @param checkNanos CPU time of the SDK's check
     */
    record Setup(
            Kind kind,
            Latency gap,
            List<NodeId> pops,
            boolean limitsAtClient,
            Optional<RateLimiter> sdk,
            Quota quota,
            long endNanos,
            long checkNanos) {
        Setup {
            pops = List.copyOf(pops);
        }
    }

    private final Setup setup;
    private final Wan wan;
    private final PlacementTally tally;
    private final LongList countedAtNanos = new LongList();
    private long requestsSent;
    private long served;
    private long entitled = -1;

    BidderClient(Setup setup, Wan wan, PlacementTally tally) {
        this.setup = setup;
        this.wan = wan;
        this.tally = tally;
    }

    @Override
    public void onStart(ClientContext ctx) {
        scheduleNext(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        throw new IllegalStateException("a bidder paces itself; it runs no workload operations");
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case NextBid next -> bid(ctx);
            case Wan.Transit transit -> Wan.deliver(transit, ctx);
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (message instanceof BidReply reply) {
            if (reply.result() == PlacementMessage.Result.SERVED) {
                served++;
            }
            if (reply.request().limitedAtNanos() != BidRequest.NOT_COUNTED) {
                countedAtNanos.add(reply.request().limitedAtNanos());
            }
            tally.replied(setup.kind(), reply, ctx.nowNanos() - reply.request().sentAtNanos());
        }
    }

    Kind kind() {
        return setup.kind();
    }

    /** Requests the quota allows from the moments this bidder's requests were counted; after the run. */
    long entitled() {
        if (entitled < 0) {
            entitled = setup.quota().entitled(countedAtNanos.sorted());
        }
        return entitled;
    }

    /** Requests the origin served. */
    long served() {
        return served;
    }

    private void bid(ClientContext ctx) {
        long now = ctx.nowNanos();
        if (now >= setup.endNanos()) {
            return;
        }
        scheduleNext(ctx);
        tally.offered(setup.kind());
        long checkNanos = 0;
        if (setup.sdk().isPresent()) {
            checkNanos = setup.checkNanos();
            if (!setup.sdk().get().tryAcquire(now).allowed()) {
                countedAtNanos.add(now);
                tally.refusedBySdk(setup.kind());
                return;
            }
        }
        long countedAt = setup.limitsAtClient() ? now : BidRequest.NOT_COUNTED;
        NodeId pop = setup.pops().get(ctx.random().nextInt(setup.pops().size()));
        BidRequest request = new BidRequest(++requestsSent, ctx.self(), null, null, now, checkNanos, countedAt);
        wan.send(ctx, pop, request, checkNanos);
    }

    private void scheduleNext(ClientContext ctx) {
        ctx.setTimer(Duration.ofNanos(Math.max(1, setup.gap().sampleNanos(ctx.random()))), new NextBid());
    }
}
