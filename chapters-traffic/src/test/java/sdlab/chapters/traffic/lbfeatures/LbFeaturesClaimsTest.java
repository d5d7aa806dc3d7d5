package sdlab.chapters.traffic.lbfeatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 9's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run lb-features --seeds 200} runs, and what balancing per connection changes.
 */
class LbFeaturesClaimsTest {
    private static final int SEEDS = 200;

    private static final LbFeaturesExperiment EXPERIMENT = new LbFeaturesExperiment();
    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "http2OpensFewerConnectionsThanHttp1",
            "drainingLosesNoRequestInFlight",
            "stoppingABackendAtOnceLosesRequestsInFlight",
            "affinityFindsTheSessionMoreOftenThanRoundRobin",
            "atLeastHalvesTheConnectionsPerBrowser[h2]",
            "spreadsLoadMoreEvenly[h2]",
            "spreadsLoadMoreEvenly[affinity]",
            "losesNoRequestInADeploy[draining]",
            "makesTheDeployFaster[draining]",
            "sendsEveryRequestToTheBackendHoldingItsSession[affinity]");

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
    void everyAssertionHolds() {
        // Shows: HTTP/2 opens fewer connections, draining loses nothing, stopping at once loses requests,
        // affinity finds sessions more often.
        for (ClaimResult claim : report.claims()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void eachFeatureChangesWhatItIsForAndNotTheOtherThings() {
        // Shows: the supported options are exactly the three true effects; the three plausible side effects fail.
        assertThat(report.supportedOptions()).containsExactly(LbVariant.H2, LbVariant.DRAINING, LbVariant.AFFINITY);
        assertThat(report.question().orElseThrow().options())
                .filteredOn(o -> o.supported())
                .extracting(o -> o.claims().getFirst())
                .containsExactly(
                        LbClaims.forVariant(LbClaims.HALVES_CONNECTIONS, LbVariant.H2),
                        LbClaims.forVariant(LbClaims.LOSES_NOTHING, LbVariant.DRAINING),
                        LbClaims.forVariant(LbClaims.KEEPS_SESSIONS, LbVariant.AFFINITY));
    }

    @Test
    void affinityConcentratesHeavyUsersAndDrainingLengthensTheDeploy() {
        // Shows: the costs: affinity pins heavy users to their backends; draining waits for requests in flight.
        assertThat(report.metric(LbVariant.AFFINITY, "loadSkew"))
                .isGreaterThan(report.metric(LbVariant.BASELINE, "loadSkew") + 0.2);
        assertThat(report.metric(LbVariant.DRAINING, "deployMs"))
                .isGreaterThan(report.metric(LbVariant.BASELINE, "deployMs"));
        assertThat(report.metric(LbVariant.BASELINE, "misroutedShare")).isGreaterThan(0.5);
    }

    @Test
    void http2OverAConnectionBalancerConcentratesLoad() {
        // Shows: balancing per connection, one HTTP/2 connection puts all of a browser's requests on one backend.
        ParamValues perConnection = ParamValues.defaults(EXPERIMENT.params()).with(LbParams.BALANCE, "per-connection");
        ExperimentReport layer4 = Sweep.quietly(EXPERIMENT, perConnection, 30);
        assertThat(layer4.metric(LbVariant.H2, "loadSkew"))
                .isGreaterThan(layer4.metric(LbVariant.BASELINE, "loadSkew"));
        assertThat(layer4.metric(LbVariant.DRAINING, "requestsLost")).isZero();
    }
}
