package sdlab.chapters.traffic.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.LimiterFactory;
import sdlab.chapters.traffic.RealGateway;
import sdlab.chapters.traffic.responses.ApiMessage.ApiRequest;
import sdlab.chapters.traffic.responses.ApiMessage.ApiResponse;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.KeyedRateLimiter;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;

/**
 * Chapters 2 and 17 admit and refuse as sdlab's real gateway does: a burst of one client's
 * requests, well inside a minute, meets a quota of 4 per minute in the gateway over HTTP, in
 * chapter 17's {@code ApiServer} in the simulator and in the keyed limiter chapter 2's tiers
 * build; the same requests are refused, with the same 429 status, the same {@code
 * RateLimit-Policy} and the same remaining quota in {@code RateLimit}.
 */
class RateLimitCrossWorldTest {
    private static final int REQUESTS = 7;
    private static final String POLICY = ApiServer.POLICY_NAME;
    private static final RateLimitPolicy QUOTA =
            new RateLimitPolicy(4, Duration.ofMinutes(1).toNanos(), 4);

    private static RealGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new RealGateway();
        gateway.upstream("api", "v1", "a1");
        gateway.rateLimit(POLICY)
                .put("algorithm", "token-bucket")
                .put("limit", QUOTA.limit())
                .put("periodMs", Duration.ofNanos(QUOTA.periodNanos()).toMillis())
                .put("burst", QUOTA.burst())
                .put("key", "client-address");
        gateway.rateLimit("tier")
                .put("algorithm", "token-bucket")
                .put("limit", QUOTA.limit())
                .put("periodMs", Duration.ofNanos(QUOTA.periodNanos()).toMillis())
                .put("burst", QUOTA.burst())
                .put("key", "header:X-Api-Key");
        gateway.route("tier", "/tier", "api").put("rateLimit", "tier");
        gateway.route("api", "/", "api").put("rateLimit", POLICY);
        gateway.start(new Random(1));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void chapter17sServerAndTheGatewayRefuseTheSameRequestsWithTheSameFields() throws Exception {
        // Shows: status, RateLimit-Policy and the remaining quota match request by request; the wait is the same
        // to the second (the gateway's requests take real milliseconds).
        List<String> real = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = gateway.get("/resource");
            real.add(response.statusCode() + " "
                    + response.headers().firstValue("RateLimit-Policy").orElse("-") + " "
                    + remaining(response.headers().firstValue("RateLimit").orElse("-")));
        }
        assertThat(real).isEqualTo(simulated17());
        assertThat(real).filteredOn(line -> line.startsWith("429")).hasSize(REQUESTS - 4);
    }

    @Test
    void chapter2sTierLimiterAdmitsTheRequestsTheGatewayAdmits() throws Exception {
        // Shows: the keyed limiter chapter 2's edge, gateway and origin tiers build from the shared factory admits
        // exactly the requests the gateway, keyed by API key as chapter 2's tiers are, does.
        KeyedRateLimiter<String> tier =
                new KeyedRateLimiter<>(() -> LimiterFactory.REAL.create(RateLimitAlgorithm.TOKEN_BUCKET, QUOTA), 1024);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Decision decision = tier.tryAcquire("client", i * 1_000_000L, 1);
            expected.add(decision.allowed() ? 200 : 429);
        }
        List<Integer> real = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            real.add(gateway.get("/tier/bid", "X-Api-Key", "bidder-1").statusCode());
        }
        assertThat(real).isEqualTo(expected).contains(200, 429);
    }

    private static String remaining(String rateLimit) {
        int at = rateLimit.indexOf(";r=");
        if (at < 0) {
            return "-";
        }
        int end = rateLimit.indexOf(';', at + 1);
        return rateLimit.substring(at + 1, end < 0 ? rateLimit.length() : end);
    }

    private static List<String> simulated17() {
        NodeId server = NodeId.of("api");
        KeyedRateLimiter<String> limiters =
                new KeyedRateLimiter<>(() -> LimiterFactory.REAL.create(RateLimitAlgorithm.TOKEN_BUCKET, QUOTA), 1024);
        Simulation.Builder sim =
                Simulation.builder(1).network(NetworkConfig.reliable(Latency.logNormal(Duration.ofMillis(1), 0.3)));
        ResponsesTally tally = new ResponsesTally(SeedRun.builder());
        sim.addNode(server, id -> new ApiServer(limiters, QUOTA, RetryAfterFormat.DELTA_SECONDS, tally));
        Burst burst = new Burst(server);
        sim.addClient(NodeId.of("client"), burst);
        sim.build().run(Duration.ofSeconds(10));
        return burst.lines;
    }

    /** Sends {@link #REQUESTS} requests one after another and writes down each answer. */
    private static final class Burst implements Client {
        private final NodeId server;
        final List<String> lines = new ArrayList<>();

        Burst(NodeId server) {
            this.server = server;
        }

        @Override
        public void onStart(ClientContext ctx) {
            ctx.send(server, new ApiRequest(0, 0, 1));
        }

        @Override
        public void onInvoke(Invocation invocation, ClientContext ctx) {
            throw new IllegalStateException("the burst runs no workload");
        }

        @Override
        public void onMessage(NodeId from, Message message, ClientContext ctx) {
            ApiResponse response = (ApiResponse) message;
            lines.add(response.status() + " "
                    + response.header("RateLimit-Policy").orElse("-") + " "
                    + remaining(response.header("RateLimit").orElse("-")));
            if (lines.size() < REQUESTS) {
                ctx.send(server, new ApiRequest(lines.size(), 0, 1));
            }
        }
    }
}
