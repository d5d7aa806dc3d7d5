package sdlab.chapters.traffic.lbfeatures;

import java.util.List;
import java.util.Optional;
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

/** Chapter 9: what HTTP/2 multiplexing, connection draining and session affinity each change. */
public final class LbFeaturesExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "lb-features",
            9,
            "Load-balancer features: HTTP/2 multiplexing, connection draining, session affinity",
            "Browsers load pages through a load balancer while its backends restart one by one. Each feature is"
                    + " switched on alone: what it changes in connections per browser, requests lost in the deploy,"
                    + " sessions kept and load per backend, and what it does not.");

    static final String LOAD_SKEW = "loadSkew";
    static final String DEPLOY_MS = "deployMs";

    private static final String QUESTION =
            "What does each load-balancer feature change? (Several answers may be right.)";

    private final boolean drainWaits;

    /** The chapter as users run it. */
    public LbFeaturesExperiment() {
        this(true);
    }

    /** With {@code drainWaits} false, a "draining" balancer stops backends at once: a planted bug for tests. */
    LbFeaturesExperiment(boolean drainWaits) {
        this.drainWaits = drainWaits;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return LbParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        LbScenario.requireConsistent(values);
        return LbVariant.ALL.stream().map(LbVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        LbScenario.Outcome outcome =
                LbScenario.run(LbVariant.named(variant.name()), values, drainWaits, seed, options, run);
        run.value(LOAD_SKEW, outcome.tally().loadSkew());
        run.value(DEPLOY_MS, outcome.tally().deployMillis());
        run.traceHash(outcome.sim().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.sim().trace());
        }
        return run.build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.ratio(
                                "connectionsPerBrowser",
                                "connections each browser opened",
                                LbTally.CONNECTIONS,
                                LbScenario.CLIENTS)
                        .derivedFrom(LbParams.CONNECTIONS_MAX.name(), LbParams.PAGE_REQUESTS.name()),
                MetricSpec.sum("requestsLost", "requests lost because their backend stopped under them", LbTally.LOST),
                MetricSpec.seedsWith("seedsWithLostRequests", "seeds on which the deploy lost a request", LbTally.LOST),
                MetricSpec.ratio(
                        "sessionMissShare",
                        "share of requests carrying a session that found it gone (the user was logged out)",
                        LbTally.SESSION_MISSES,
                        LbTally.SESSION_REQUESTS),
                MetricSpec.ratio(
                        "misroutedShare",
                        "share of requests sent to another backend than the serving one that holds their session",
                        LbTally.MISROUTED,
                        LbTally.ROUTABLE),
                MetricSpec.meanPerSeed(LOAD_SKEW, "the busiest backend's requests over the mean (1 = even)", LOAD_SKEW),
                MetricSpec.meanPerSeed(DEPLOY_MS, "time the rolling deploy of every backend took", DEPLOY_MS),
                MetricSpec.percentileMs("pageLoadMsP50", "median time to load a page", LbTally.PAGE_LATENCY, 50),
                MetricSpec.percentileMs(
                        "pageLoadMsP99", "99th percentile time to load a page", LbTally.PAGE_LATENCY, 99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return LbClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                QUESTION,
                List.of(
                        option(
                                "HTTP/2 multiplexing cuts the connections each browser opens",
                                LbVariant.H2,
                                LbClaims.HALVES_CONNECTIONS),
                        option(
                                "HTTP/2 multiplexing spreads load more evenly over the backends",
                                LbVariant.H2,
                                LbClaims.EVENS_LOAD),
                        option(
                                "connection draining loses no request in flight during a deploy",
                                LbVariant.DRAINING,
                                LbClaims.LOSES_NOTHING),
                        option("connection draining makes deploys faster", LbVariant.DRAINING, LbClaims.FASTER_DEPLOY),
                        option(
                                "session affinity keeps users on the backend that holds their session",
                                LbVariant.AFFINITY,
                                LbClaims.KEEPS_SESSIONS),
                        option(
                                "session affinity spreads load more evenly over the backends",
                                LbVariant.AFFINITY,
                                LbClaims.EVENS_LOAD))));
    }

    private static Question.Option option(String label, String variant, String claim) {
        return new Question.Option(
                label,
                variant,
                List.of(LbClaims.forVariant(claim, variant)),
                "Measured against the baseline balancer on the same seed, with only this feature switched on.");
    }
}
