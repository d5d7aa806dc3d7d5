package sdlab.chapters.traffic.canary;

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
 * Chapter 4's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run canary --seeds 200} runs, and what session pins change.
 */
class CanaryClaimsTest {
    private static final int SEEDS = 200;

    private static final CanaryExperiment EXPERIMENT = new CanaryExperiment();
    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "headerRoutingSendsNoUnmarkedUserToTheCanary",
            "pinnedHeaderRoutingNeverSplitsASession",
            "aRandomPodPerRequestSplitsSessions",
            "aDnsRollbackWaitsForCachedAnswers",
            "chosenUsersSessionsAreOnTheCanary[ingress-header]",
            "otherUsersNeverMeetTheCanary[ingress-header]",
            "noSessionSeesBothVersions[ingress-header]",
            "chosenUsersSessionsAreOnTheCanary[random-pods]",
            "otherUsersNeverMeetTheCanary[random-pods]",
            "noSessionSeesBothVersions[random-pods]",
            "chosenUsersSessionsAreOnTheCanary[dns-flip]",
            "otherUsersNeverMeetTheCanary[dns-flip]",
            "noSessionSeesBothVersions[dns-flip]",
            "chosenUsersSessionsAreOnTheCanary[daemonset]",
            "otherUsersNeverMeetTheCanary[daemonset]",
            "noSessionSeesBothVersions[daemonset]");

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
        // Shows: the header route spares others and keeps pinned sessions whole; random pods split sessions;
        // a DNS rollback waits for caches.
        for (ClaimResult claim : report.claims()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
                assertThat(claim.seedsChecked()).isEqualTo(SEEDS);
            }
        }
    }

    @Test
    void onlyHeaderRoutingCanariesTheChosenUsersWithoutBreakingSessions() {
        // Shows: the measured answer to the chapter's question.
        assertThat(report.supportedOptions()).containsExactly(CanaryVariant.INGRESS_HEADER);
        assertThat(report.metric(CanaryVariant.INGRESS_HEADER, "chosenOnCanaryShare"))
                .isEqualTo(1.0);
        assertThat(report.metric(CanaryVariant.INGRESS_HEADER, "otherExposedShare"))
                .isZero();
    }

    @Test
    void strategiesThatCannotTellUsersApartExposeEveryoneAlike() {
        // Shows: random pods and a DaemonSet put chosen and other users on the canary by the same chance.
        for (String variant : new String[] {CanaryVariant.RANDOM_PODS, CanaryVariant.DAEMONSET}) {
            assertThat(report.metric(variant, "otherExposedShare")).as(variant).isGreaterThan(0.4);
            assertThat(report.metric(variant, "chosenOnCanaryShare"))
                    .as(variant)
                    .isLessThan(0.05);
            assertThat(report.metric(variant, "violatedSessionShare"))
                    .as(variant)
                    .isGreaterThan(0.2);
        }
        assertThat(report.metric(CanaryVariant.DNS_FLIP, "otherExposedShare")).isGreaterThan(0.8);
    }

    @Test
    void rollbackTakesAsLongAsTheMechanismThatSpreadsIt() {
        // Shows: an ingress change rolls back in under a second; DNS waits about a TTL; a DaemonSet a step per node.
        assertThat(report.metric(CanaryVariant.INGRESS_HEADER, "rollbackMs")).isLessThan(600);
        assertThat(report.metric(CanaryVariant.DNS_FLIP, "rollbackMs")).isBetween(3_000.0, 5_100.0);
        assertThat(report.metric(CanaryVariant.DAEMONSET, "rollbackMs")).isBetween(500.0, 1_100.0);
    }

    @Test
    void withoutSessionPinsTheHeaderRouteSplitsSessionsInFlightWhenTheRouteChanges() {
        // Shows: when the header decides every request, chosen users mid-session switch version at the release.
        ParamValues unpinned = ParamValues.defaults(EXPERIMENT.params()).with(CanaryParams.PIN_SESSIONS, "false");
        ExperimentReport header = Sweep.quietly(EXPERIMENT, unpinned, 20);
        assertThat(header.metric(CanaryVariant.INGRESS_HEADER, "violatedSessionShare"))
                .isGreaterThan(0.0);
        assertThat(header.metric(CanaryVariant.INGRESS_HEADER, "otherExposedShare"))
                .isZero();
        assertThat(header.supportedOptions()).isEmpty();
    }
}
