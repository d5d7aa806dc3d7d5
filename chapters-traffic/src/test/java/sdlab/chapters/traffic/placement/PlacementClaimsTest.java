package sdlab.chapters.traffic.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 2's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run ratelimit-placement --seeds 200} runs: the assertions hold on every seed,
 * and the question's answer is what the hypotheses measured.
 */
class PlacementClaimsTest {
    private static final int SEEDS = 200;

    private static final PlacementExperiment EXPERIMENT = new PlacementExperiment();
    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "limitersThatSeeAllOfAKeysTrafficHoldItToItsQuota",
            "perPopCountersLetAbusersSpreadOverPopsExceedTheirQuota",
            "aModifiedSdkSkipsTheClientSideLimit",
            "sharedCountersDecideSlowerThanInMemoryOnes",
            "withinDecisionBudget[client-sdk]",
            "holdsEveryKeyToItsQuota[client-sdk]",
            "keepsExcessFromTheOrigin[client-sdk]",
            "withinDecisionBudget[edge-local]",
            "holdsEveryKeyToItsQuota[edge-local]",
            "keepsExcessFromTheOrigin[edge-local]",
            "withinDecisionBudget[edge-shared]",
            "holdsEveryKeyToItsQuota[edge-shared]",
            "keepsExcessFromTheOrigin[edge-shared]",
            "withinDecisionBudget[gateway-local]",
            "holdsEveryKeyToItsQuota[gateway-local]",
            "keepsExcessFromTheOrigin[gateway-local]",
            "withinDecisionBudget[gateway-shared]",
            "holdsEveryKeyToItsQuota[gateway-shared]",
            "keepsExcessFromTheOrigin[gateway-shared]",
            "withinDecisionBudget[origin]",
            "holdsEveryKeyToItsQuota[origin]",
            "keepsExcessFromTheOrigin[origin]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(EXPERIMENT, SEEDS);
        claims = report.claimsByName();
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHoldsOnEverySeed() {
        // Shows: exact limiters keep quotas, per-POP counters and modified SDKs leak, shared counters cost a trip.
        for (ClaimResult claim : report.claims()) {
            if (claim.role() == sdlab.lab.Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
                assertThat(claim.seedsChecked()).isEqualTo(SEEDS);
            }
        }
    }

    @Test
    void onlyTheGatewayCountingInMemoryMeetsTheBudgetHoldsQuotasAndShieldsTheOrigin() {
        // Shows: the measured answer to the chapter's question, option by option.
        assertThat(report.supportedOptions()).containsExactly(PlacementVariant.GATEWAY_LOCAL);
    }

    @Test
    void aModifiedSdkGetsItsWholeAbuseThroughWhenOnlyTheSdkLimits() {
        // Shows: with the limiter in the SDK, a modified bidder is served at its full abusive rate; the gateway serves
        // it its whole quota (burst + rate × time, counted from the policy) to within a request or two, and no more.
        assertThat(report.metric(PlacementVariant.CLIENT_SDK, "modifiedServedPerQuota"))
                .isGreaterThan(5);
        assertThat(report.metric(PlacementVariant.GATEWAY_LOCAL, "modifiedServedPerQuota"))
                .isBetween(0.99, 1.0);
    }

    @Test
    void perPopCountersServeAnAbuserSpreadOverThreePopsAboutThreeTimesItsQuota() {
        // Shows: each POP grants the full quota to its share of the key's requests.
        assertThat(report.metric(PlacementVariant.EDGE_LOCAL, "modifiedServedPerQuota"))
                .isBetween(2.0, 3.5);
    }

    @Test
    void sharedCountersAddTheRoundTripToTheirStore() {
        // Shows: a POP's shared counter costs a wide-area round trip, a gateway's a LAN round trip; both over budget.
        double budgetMs = 0.010;
        assertThat(report.metric(PlacementVariant.EDGE_SHARED, "addedLatencyMsP50"))
                .isGreaterThan(50);
        assertThat(report.metric(PlacementVariant.GATEWAY_SHARED, "addedLatencyMsP50"))
                .isBetween(0.05, 1.0);
        assertThat(report.metric(PlacementVariant.GATEWAY_LOCAL, "addedLatencyMsP99"))
                .isLessThan(budgetMs);
    }

    @Test
    void limitingAtTheOriginLetsEveryRequestReachIt() {
        // Shows: the origin drops the same excess as the gateway, but only after receiving all of it.
        double atOrigin = report.metric(PlacementVariant.ORIGIN, "originLoadPerSecond");
        double atGateway = report.metric(PlacementVariant.GATEWAY_LOCAL, "originLoadPerSecond");
        assertThat(atOrigin).isGreaterThan(4 * atGateway);
        assertThat(report.metric(PlacementVariant.ORIGIN, "droppedAtOriginShare"))
                .isCloseTo(
                        report.metric(PlacementVariant.GATEWAY_LOCAL, "droppedAtGatewayShare"),
                        org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void withRoundRobinGatewaysInMemoryCountersLeakToo() {
        // Shows: the gateway's in-memory counters hold quotas only when each key always reaches the same instance.
        ParamValues roundRobin =
                ParamValues.defaults(EXPERIMENT.params()).with(PlacementParams.GATEWAY_ROUTING, "round-robin");
        ExperimentReport spread = Sweep.quietly(EXPERIMENT, roundRobin, 20);
        assertThat(spread.claimsByName()
                        .get(PlacementClaims.EXACT_TIERS_HOLD_QUOTA)
                        .holds())
                .isTrue();
        assertThat(spread.metric(PlacementVariant.GATEWAY_LOCAL, "overAdmittedShare"))
                .isGreaterThan(0.2);
        assertThat(spread.supportedOptions()).isEmpty();
    }
}
