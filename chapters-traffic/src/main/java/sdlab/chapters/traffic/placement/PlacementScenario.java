package sdlab.chapters.traffic.placement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sdlab.chapters.traffic.LimiterFactory;
import sdlab.chapters.traffic.placement.PlacementParams.GatewayRouting;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.traffic.ratelimit.KeyedRateLimiter;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.RateLimiter;

/**
 * One simulated run of chapter 2: bidders, CDN POPs, gateway instances, shared counter
 * nodes and the origin, with the limiter where the variant puts it. Everything but the
 * limiter's place is the same in every variant of a seed: the same bidders send at the same
 * moments through the same POPs.
 */
final class PlacementScenario {
    /** Spread of the log-normal latencies: a modest tail, as on provisioned links. */
    private static final double WAN_SIGMA = 0.3;

    private static final double LAN_SIGMA = 0.3;
    private static final NodeId ORIGIN = NodeId.of("origin");

    /** What a run leaves for measurement. */
    record Outcome(SimResult sim, List<BidderClient> bidders, PlacementTally tally, long durationNanos) {}

    private final PlacementVariant variant;
    private final ParamValues values;
    private final LimiterFactory factory;
    private final RateLimitPolicy policy;
    private final RateLimitAlgorithm algorithm;
    private final long checkNanos;

    PlacementScenario(PlacementVariant variant, ParamValues values, LimiterFactory factory) {
        this.variant = variant;
        this.values = values;
        this.factory = factory;
        this.policy = new RateLimitPolicy(
                values.get(PlacementParams.LIMIT), Duration.ofSeconds(1).toNanos(), values.get(PlacementParams.BURST));
        this.algorithm = values.get(PlacementParams.ALGORITHM);
        this.checkNanos = values.get(PlacementParams.LOCAL_CHECK).toNanos();
    }

    Outcome run(long seed, RunOptions options, SeedRun.Builder measurements) {
        List<NodeId> pops = ids("pop", values.get(PlacementParams.POPS));
        List<NodeId> gateways = ids("gw", values.get(PlacementParams.GATEWAYS));
        List<NodeId> counters = ids("counter", values.get(PlacementParams.COUNTER_SHARDS));
        List<BidderPlan> plans = BidderPlan.all(values, pops);
        Set<NodeId> clientIds = new HashSet<>();
        plans.forEach(p -> clientIds.add(p.id()));
        Wan wan = new Wan(
                clientIds,
                Set.copyOf(pops),
                wide(values.get(PlacementParams.CLIENT_POP_LATENCY)),
                wide(values.get(PlacementParams.POP_DC_LATENCY)));
        PlacementTally tally = new PlacementTally(measurements);
        long durationNanos = values.get(PlacementParams.DURATION).toNanos();

        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(PlacementParams.LAN_LATENCY), LAN_SIGMA)))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        boolean byKey = values.get(PlacementParams.GATEWAY_ROUTING) == GatewayRouting.KEY_HASH;
        for (NodeId pop : pops) {
            RelayNode.Inward inward = new RelayNode.Inward(gateways, byKey);
            sim.addNode(pop, id -> new RelayNode(Tier.EDGE, limitingAt(Tier.EDGE, counters), inward, wan, tally));
        }
        for (NodeId gateway : gateways) {
            RelayNode.Inward inward = new RelayNode.Inward(List.of(ORIGIN), true);
            sim.addNode(
                    gateway, id -> new RelayNode(Tier.GATEWAY, limitingAt(Tier.GATEWAY, counters), inward, wan, tally));
        }
        for (NodeId counter : counters) {
            sim.addNode(counter, id -> new CounterNode(keyed(plans.size()), checkNanos, wan));
        }
        sim.addNode(ORIGIN, id -> new OriginNode(capacity(), limitingAt(Tier.ORIGIN, counters), tally));
        List<BidderClient> bidders = new ArrayList<>();
        for (BidderPlan plan : plans) {
            BidderClient bidder = new BidderClient(setup(plan, durationNanos), wan, tally);
            bidders.add(bidder);
            sim.addClient(plan.id(), bidder);
        }
        SimResult result = sim.build().run(Duration.ofNanos(durationNanos).plusSeconds(10));
        return new Outcome(result, bidders, tally, durationNanos);
    }

    private BidderClient.Setup setup(BidderPlan plan, long durationNanos) {
        boolean sdkLimits = variant.tier() == Tier.CLIENT && plan.kind() != BidderClient.Kind.MODIFIED;
        Optional<RateLimiter> sdk = sdkLimits ? Optional.of(factory.create(algorithm, policy)) : Optional.empty();
        Latency gap = Latency.exponential(Duration.ofNanos(Math.round(1e9 / plan.ratePerSecond())));
        // The reference is the policy's arithmetic, not a limiter: a broken limiter cannot grade itself.
        return new BidderClient.Setup(
                plan.kind(),
                gap,
                plan.pops(),
                variant.tier() == Tier.CLIENT,
                sdk,
                new Quota(algorithm, policy),
                durationNanos,
                checkNanos);
    }

    /** What the tier does about rates in this variant. */
    private Limiting limitingAt(Tier tier, List<NodeId> counters) {
        if (variant.tier() != tier) {
            return new Limiting.None();
        }
        return variant.shared() ? new Limiting.Shared(counters) : new Limiting.Local(keyed(1024), checkNanos);
    }

    private KeyedRateLimiter<String> keyed(int keys) {
        return new KeyedRateLimiter<>(() -> factory.create(algorithm, policy), Math.max(keys, 1024));
    }

    private OriginNode.Capacity capacity() {
        return new OriginNode.Capacity(
                values.get(PlacementParams.ORIGIN_WORKERS),
                values.get(PlacementParams.BID_SERVICE).toNanos(),
                values.get(PlacementParams.REJECT_COST).toNanos());
    }

    private static Latency wide(Duration median) {
        return median.isZero() ? Latency.constant(Duration.ZERO) : Latency.logNormal(median, WAN_SIGMA);
    }

    static List<NodeId> ids(String prefix, int count) {
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(NodeId.of(prefix + i));
        }
        return List.copyOf(ids);
    }
}
