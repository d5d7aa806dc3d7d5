package sdlab.chapters.traffic.responses;

import java.util.List;
import java.util.Optional;
import sdlab.chapters.traffic.LimiterFactory;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;

/** Chapter 17: how a throttled client learns when to retry, and what its retries cost. */
public final class ResponsesExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "ratelimit-responses",
            17,
            "Rate-limit responses: 429, Retry-After, RateLimit fields",
            "Clients with a backlog meet a per-client quota: those that honour Retry-After, retry blindly, or"
                    + " back off with or without jitter. Measured: which header carries a retry time, retry storms,"
                    + " rejected retries and time to success.");

    static final String PEAK_REQUESTS = "peakRequestsPerSecond";
    static final String PEAK_RETRIES = "peakRetriesPerSecond";
    static final String MAKESPAN = "makespanMs";

    private static final String QUESTION =
            "A client gets 429 Too Many Requests. Which header of the response tells it when it may retry?";

    private final LimiterFactory limiters;

    /** The chapter as users run it. */
    public ResponsesExperiment() {
        this(LimiterFactory.REAL);
    }

    /** The chapter with another limiter in the server, for tests that plant a broken one. */
    ResponsesExperiment(LimiterFactory limiters) {
        this.limiters = limiters;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return ResponsesParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return ResponsesVariant.ALL.stream().map(ResponsesVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        ResponsesScenario.Outcome outcome =
                ResponsesScenario.run(ResponsesVariant.named(variant.name()), values, limiters, seed, options, run);
        run.value(PEAK_REQUESTS, outcome.tally().peakRequestsPerSecond());
        run.value(PEAK_RETRIES, outcome.tally().peakRetriesPerSecond());
        run.value(MAKESPAN, outcome.tally().lastTaskDoneNanos() / 1e6);
        run.traceHash(outcome.sim().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.sim().trace());
        }
        return run.build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        PEAK_REQUESTS, "highest request rate at the server in any 10 ms window", PEAK_REQUESTS),
                MetricSpec.meanPerSeed(
                        PEAK_RETRIES, "highest retry rate at the server in any 10 ms window", PEAK_RETRIES),
                MetricSpec.ratio(
                        "wastedShare",
                        "share of all requests the server refused (429)",
                        ResponsesTally.REJECTED,
                        ResponsesTally.REQUESTS),
                MetricSpec.ratio(
                        "rejectedRetryShare",
                        "share of retries the server refused again",
                        ResponsesTally.REJECTED_RETRIES,
                        ResponsesTally.RETRIES),
                MetricSpec.ratio(
                        "requestsPerTask",
                        "requests sent per request got done",
                        ResponsesTally.REQUESTS,
                        ResponsesTally.TASKS_DONE),
                MetricSpec.percentileMs(
                        "timeToSuccessMsP50",
                        "median time from a request's first attempt to its success",
                        ResponsesTally.TASK_LATENCY,
                        50),
                MetricSpec.percentileMs(
                        "timeToSuccessMsP99",
                        "99th percentile time from a request's first attempt to its success",
                        ResponsesTally.TASK_LATENCY,
                        99),
                MetricSpec.meanPerSeed(MAKESPAN, "time until every client's backlog was done", MAKESPAN),
                MetricSpec.sum(
                        "tasksAbandoned", "requests given up after the most attempts", ResponsesTally.TASKS_ABANDONED));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return ResponsesClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                QUESTION,
                Headers.CANDIDATES.stream()
                        .map(header -> new Question.Option(
                                header,
                                header.equals(Headers.RETRY_AFTER)
                                        ? ResponsesVariant.RETRY_AFTER
                                        : ResponsesVariant.BLIND,
                                ResponsesClaims.forOption(header),
                                "Every 429 must carry a retry time in this field, and clients timing their retries by"
                                        + " it must not storm the server with retries it refuses."))
                        .toList()));
    }
}
