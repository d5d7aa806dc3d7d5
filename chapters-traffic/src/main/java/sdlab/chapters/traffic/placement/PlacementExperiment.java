package sdlab.chapters.traffic.placement;

import static sdlab.chapters.traffic.placement.PlacementClaims.HOLDS_QUOTA;
import static sdlab.chapters.traffic.placement.PlacementClaims.SHIELDS_ORIGIN;
import static sdlab.chapters.traffic.placement.PlacementClaims.WITHIN_BUDGET;
import static sdlab.chapters.traffic.placement.PlacementClaims.forVariant;

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

/** Chapter 2: where the rate limiter sits, for a real-time bidding service with a microsecond decision budget. */
public final class PlacementExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "ratelimit-placement",
            2,
            "Rate limiting and where it sits",
            "A rate limiter in the client SDK, at the CDN edge, in the API gateway or at the origin, with"
                    + " in-memory or shared counters: what each adds to an allowed request, where it drops excess"
                    + " traffic, what reaches the origin, and what a bidder with a modified SDK gets through.");

    private static final String QUESTION =
            "A real-time bidding API must drop abusive bidders' excess traffic, and its limiter may add only"
                    + " microseconds to an allowed request. Where should the limiter sit?";

    private final LimiterFactory limiters;

    /** The chapter as users run it. */
    public PlacementExperiment() {
        this(LimiterFactory.REAL);
    }

    /** The chapter with another limiter at every tier, for tests that plant a broken one. */
    PlacementExperiment(LimiterFactory limiters) {
        this.limiters = limiters;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return PlacementParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        BidderPlan.requireConsistent(
                values.get(PlacementParams.ABUSIVE_CLIENTS), values.get(PlacementParams.MODIFIED_CLIENTS));
        return PlacementVariant.ALL.stream().map(PlacementVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        PlacementScenario scenario = new PlacementScenario(PlacementVariant.named(variant.name()), values, limiters);
        SeedRun.Builder run = SeedRun.builder();
        PlacementScenario.Outcome outcome = scenario.run(seed, options, run);
        return PlacementMeasurements.finish(outcome, run, options, values.get(PlacementParams.ORIGIN_WORKERS));
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.percentileMs(
                        "addedLatencyMsP50",
                        "median time an allowed request waited for rate-limit decisions",
                        PlacementTally.ADDED_LATENCY,
                        50),
                MetricSpec.percentileMs(
                        "addedLatencyMsP99",
                        "99th percentile of the time an allowed request waited for rate-limit decisions",
                        PlacementTally.ADDED_LATENCY,
                        99),
                MetricSpec.ratio(
                        "droppedAtClientShare",
                        "share of offered requests the bidder's SDK refused",
                        PlacementTally.droppedAt(Tier.CLIENT),
                        PlacementTally.OFFERED),
                MetricSpec.ratio(
                        "droppedAtEdgeShare",
                        "share of offered requests a POP refused",
                        PlacementTally.droppedAt(Tier.EDGE),
                        PlacementTally.OFFERED),
                MetricSpec.ratio(
                        "droppedAtGatewayShare",
                        "share of offered requests the gateway refused",
                        PlacementTally.droppedAt(Tier.GATEWAY),
                        PlacementTally.OFFERED),
                MetricSpec.ratio(
                        "droppedAtOriginShare",
                        "share of offered requests the origin refused",
                        PlacementTally.droppedAt(Tier.ORIGIN),
                        PlacementTally.OFFERED),
                MetricSpec.meanPerSeed(
                        "originLoadPerSecond",
                        "requests reaching the origin per second of sending",
                        PlacementMeasurements.ORIGIN_LOAD),
                MetricSpec.meanPerSeed(
                                "originBusyShare",
                                "share of the origin's worker time spent (bids and refusals)",
                                PlacementMeasurements.ORIGIN_BUSY)
                        .derivedFrom("bid-service", "reject-cost"),
                MetricSpec.ratio(
                        "overAdmittedShare",
                        "requests served beyond quota, per request the bidders were entitled to",
                        PlacementMeasurements.OVER_ADMITTED,
                        PlacementMeasurements.ENTITLED),
                MetricSpec.ratio(
                        "modifiedServedPerQuota",
                        "requests served to bidders with a modified SDK per request of their quota (1 = held)",
                        PlacementMeasurements.SERVED_MODIFIED,
                        PlacementMeasurements.ENTITLED_MODIFIED),
                MetricSpec.ratio(
                        "goodDeniedShare",
                        "share of well-behaved bidders' requests refused",
                        PlacementTally.DENIED_GOOD,
                        PlacementTally.OFFERED_GOOD),
                MetricSpec.percentileMs(
                        "originQueueMsP99",
                        "99th percentile wait in the origin's queue of served requests",
                        PlacementTally.ORIGIN_QUEUE,
                        99),
                MetricSpec.percentileMs(
                        "goodLatencyMsP99",
                        "99th percentile round trip of well-behaved bidders' served requests",
                        PlacementTally.GOOD_LATENCY,
                        99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return PlacementClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                QUESTION,
                List.of(
                        option("in the client SDK", PlacementVariant.CLIENT_SDK),
                        option("at the CDN edge, each POP counting for itself", PlacementVariant.EDGE_LOCAL),
                        option("at the CDN edge, POPs sharing counters", PlacementVariant.EDGE_SHARED),
                        option("in the API gateway, counting in memory", PlacementVariant.GATEWAY_LOCAL),
                        option("in the API gateway, with a shared counter store", PlacementVariant.GATEWAY_SHARED),
                        option("at the origin server", PlacementVariant.ORIGIN))));
    }

    private static Question.Option option(String label, String variant) {
        return new Question.Option(
                label,
                variant,
                List.of(
                        forVariant(WITHIN_BUDGET, variant),
                        forVariant(HOLDS_QUOTA, variant),
                        forVariant(SHIELDS_ORIGIN, variant)),
                "The right place adds no more than the budget to allowed requests, holds every key to its quota"
                        + " whatever the client runs, and drops the excess before it reaches the origin.");
    }
}
