package sdlab.chapters.traffic.responses;

import java.time.Duration;
import java.util.SplittableRandom;
import sdlab.chapters.traffic.LimiterFactory;
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

/**
 * One simulated run of chapter 17: clients whose backlogs all arrive within a short spread
 * (the throttling episode) against one API with a quota per client. The start moments and
 * clock offsets are drawn from the seed alone, so every variant of a seed meets the same
 * episode; only the retry policy changes.
 */
final class ResponsesScenario {
    private static final double LATENCY_SIGMA = 0.3;
    private static final long PLAN_SALT = 0x9E3779B97F4A7C15L;
    private static final NodeId SERVER = NodeId.of("api");

    /** What a run leaves for measurement. */
    record Outcome(SimResult sim, ResponsesTally tally) {}

    private ResponsesScenario() {}

    static Outcome run(
            ResponsesVariant variant,
            ParamValues values,
            LimiterFactory factory,
            long seed,
            RunOptions options,
            SeedRun.Builder measurements) {
        RateLimitAlgorithm algorithm = values.get(ResponsesParams.ALGORITHM);
        RateLimitPolicy policy = new RateLimitPolicy(
                values.get(ResponsesParams.LIMIT), Duration.ofSeconds(1).toNanos(), values.get(ResponsesParams.BURST));
        int clients = values.get(ResponsesParams.CLIENTS);
        ResponsesTally tally = new ResponsesTally(measurements);

        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(ResponsesParams.LATENCY), LATENCY_SIGMA)))
                .recordTrace(options.recordTrace())
                .steer(options.steering())
                .addNode(
                        SERVER,
                        // The counters live in the server's memory: a server crashed by a fork restarts without them.
                        id -> new ApiServer(
                                new KeyedRateLimiter<>(
                                        () -> factory.create(algorithm, policy), Math.max(1024, clients)),
                                policy,
                                values.get(ResponsesParams.RETRY_AFTER_FORMAT),
                                tally));
        SplittableRandom plan = new SplittableRandom(seed ^ PLAN_SALT);
        long spreadNanos = values.get(ResponsesParams.START_SPREAD).toNanos();
        long skewMillisMax = values.get(ResponsesParams.CLOCK_SKEW).toMillis();
        RetryPolicy retries = variant.policy(values);
        for (int i = 1; i <= clients; i++) {
            long startNanos = plan.nextLong(spreadNanos + 1);
            long skewMillis = plan.nextLong(-skewMillisMax, skewMillisMax + 1);
            ApiClient.Setup setup = new ApiClient.Setup(
                    SERVER,
                    values.get(ResponsesParams.WORKERS),
                    values.get(ResponsesParams.TASKS),
                    startNanos,
                    values.get(ResponsesParams.ATTEMPTS_MAX),
                    retries,
                    skewMillis);
            sim.addClient(NodeId.of("client" + i), new ApiClient(setup, tally));
        }
        return new Outcome(sim.build().run(Duration.ofHours(1)), tally);
    }
}
