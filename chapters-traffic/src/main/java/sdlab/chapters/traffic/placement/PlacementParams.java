package sdlab.chapters.traffic.placement;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;

/** Chapter 2's parameters: the fleet of bidders, the quota, the path's latencies and the costs of a decision. */
final class PlacementParams {
    private PlacementParams() {}

    /** How the gateway tier's load balancer spreads requests over gateway instances. */
    enum GatewayRouting {
        /** Each API key always goes to the same instance, so that instance's counter sees all of that key's traffic. */
        KEY_HASH,
        /** Requests alternate over instances, so each instance sees only part of a key's traffic. */
        ROUND_ROBIN
    }

    static final Param<Integer> GOOD_CLIENTS =
            Param.integer("good-clients", "well-behaved bidders, each sending below its quota", 6, 0, 200);
    static final Param<Integer> ABUSIVE_CLIENTS =
            Param.integer("abusive-clients", "abusive bidders, each sending abuse-factor times its quota", 3, 0, 200);
    static final Param<Integer> MODIFIED_CLIENTS = Param.integer(
            "modified-clients", "abusive bidders whose SDK was modified to skip the client-side limit", 1, 0, 200);
    static final Param<Integer> LIMIT =
            Param.integer("limit", "each API key's quota, in requests per second", 100, 1, 1_000_000);
    static final Param<Integer> BURST =
            Param.integer("burst", "requests a key may send at once above its steady rate", 10, 1, 1_000_000);
    static final Param<RateLimitAlgorithm> ALGORITHM = Param.choice(
            "algorithm",
            "the limiter's algorithm at every tier",
            RateLimitAlgorithm.class,
            RateLimitAlgorithm.TOKEN_BUCKET);
    static final Param<Double> GOOD_LOAD =
            Param.decimal("good-load", "a well-behaved bidder's rate as a share of its quota", 0.5, 0.01, 1.0);
    static final Param<Double> ABUSE_FACTOR =
            Param.decimal("abuse-factor", "an abusive bidder's rate as a multiple of its quota", 10, 1, 1000);
    static final Param<Duration> DURATION = Param.duration(
            "duration",
            "how long the bidders send",
            Duration.ofMillis(500),
            Duration.ofMillis(10),
            Duration.ofMinutes(10));
    static final Param<Integer> POPS = Param.integer("pops", "CDN edge points of presence", 3, 1, 50);
    static final Param<Integer> ABUSER_POPS = Param.integer(
            "abuser-pops", "POPs an abusive bidder spreads its requests over (capped at --pops)", 3, 1, 50);
    static final Param<Integer> GATEWAYS = Param.integer("gateways", "API gateway instances", 2, 1, 50);
    static final Param<GatewayRouting> GATEWAY_ROUTING = Param.choice(
            "gateway-routing",
            "how requests are spread over gateway instances",
            GatewayRouting.class,
            GatewayRouting.KEY_HASH);
    static final Param<Integer> COUNTER_SHARDS =
            Param.integer("counter-shards", "nodes holding the shared counters, keys spread by hash", 2, 1, 50);
    static final Param<Duration> CLIENT_POP_LATENCY = Param.duration(
            "client-pop-latency",
            "median one-way latency between a bidder and a POP",
            Duration.ofMillis(5),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> POP_DC_LATENCY = Param.duration(
            "pop-dc-latency",
            "median one-way latency between a POP and the data centre (gateways, counters, origin)",
            Duration.ofMillis(30),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> LAN_LATENCY = Param.duration(
            "lan-latency",
            "median one-way latency inside the data centre",
            Duration.ofNanos(50_000),
            Duration.ofNanos(1_000),
            Duration.ofMillis(100));
    static final Param<Duration> LOCAL_CHECK = Param.duration(
            "local-check",
            "CPU time of one in-memory limiter check; the default is measured: `sdlab bench limiters` (JMH) ran the"
                    + " slowest of the six limiters behind the gateway's lock at 26 calls/µs with two threads"
                    + " contending, 38 ns a call, on this project's 2-core machine",
            Duration.ofNanos(40),
            Duration.ZERO,
            Duration.ofMillis(10));
    static final Param<Duration> BUDGET = Param.duration(
            "budget",
            "the decision budget: the most a limiter may add to an allowed request",
            Duration.ofNanos(10_000),
            Duration.ofNanos(1),
            Duration.ofSeconds(1));
    static final Param<Integer> ORIGIN_WORKERS =
            Param.integer("origin-workers", "requests the origin serves at once", 4, 1, 1024);
    static final Param<Duration> BID_SERVICE = Param.duration(
            "bid-service",
            "origin CPU time to compute one bid",
            Duration.ofMillis(2),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));
    static final Param<Duration> REJECT_COST = Param.duration(
            "reject-cost",
            "origin CPU time to accept, parse and refuse one request (TLS, HTTP, authentication, the check)",
            Duration.ofNanos(300_000),
            Duration.ZERO,
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            GOOD_CLIENTS,
            ABUSIVE_CLIENTS,
            MODIFIED_CLIENTS,
            LIMIT,
            BURST,
            ALGORITHM,
            GOOD_LOAD,
            ABUSE_FACTOR,
            DURATION,
            POPS,
            ABUSER_POPS,
            GATEWAYS,
            GATEWAY_ROUTING,
            COUNTER_SHARDS,
            CLIENT_POP_LATENCY,
            POP_DC_LATENCY,
            LAN_LATENCY,
            LOCAL_CHECK,
            BUDGET,
            ORIGIN_WORKERS,
            BID_SERVICE,
            REJECT_COST);
}
