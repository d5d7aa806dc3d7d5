package sdlab.chapters.traffic.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.chapters.traffic.Sweeps.metric;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.Sweeps;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;

/**
 * Chapter 4's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run canary --seeds 200} runs, and what session pins change.
 */
class CanaryClaimsTest {
    private static final int SEEDS = 200;

    private static final CanaryExperiment EXPERIMENT = new CanaryExperiment();
    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweeps.sweep(EXPERIMENT, SEEDS);
        claims = Sweeps.claimsByName(report);
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
        assertThat(claims)
                .containsKeys(
                        CanaryClaims.HEADER_SPARES_OTHERS,
                        CanaryClaims.PINNED_HEADER_KEEPS_SESSIONS,
                        CanaryClaims.RANDOM_PODS_SPLIT_SESSIONS,
                        CanaryClaims.DNS_ROLLBACK_WAITS);
    }

    @Test
    void onlyHeaderRoutingCanariesTheChosenUsersWithoutBreakingSessions() {
        // Shows: the measured answer to the chapter's question.
        assertThat(Sweeps.supportedOptions(report)).containsExactly(CanaryVariant.INGRESS_HEADER);
        assertThat(metric(report, CanaryVariant.INGRESS_HEADER, "chosenOnCanaryShare"))
                .isEqualTo(1.0);
        assertThat(metric(report, CanaryVariant.INGRESS_HEADER, "otherExposedShare"))
                .isZero();
    }

    @Test
    void strategiesThatCannotTellUsersApartExposeEveryoneAlike() {
        // Shows: random pods and a DaemonSet put chosen and other users on the canary by the same chance.
        for (String variant : new String[] {CanaryVariant.RANDOM_PODS, CanaryVariant.DAEMONSET}) {
            assertThat(metric(report, variant, "otherExposedShare")).as(variant).isGreaterThan(0.4);
            assertThat(metric(report, variant, "chosenOnCanaryShare"))
                    .as(variant)
                    .isLessThan(0.05);
            assertThat(metric(report, variant, "violatedSessionShare"))
                    .as(variant)
                    .isGreaterThan(0.2);
        }
        assertThat(metric(report, CanaryVariant.DNS_FLIP, "otherExposedShare")).isGreaterThan(0.8);
    }

    @Test
    void rollbackTakesAsLongAsTheMechanismThatSpreadsIt() {
        // Shows: an ingress change rolls back in under a second; DNS waits about a TTL; a DaemonSet a step per node.
        assertThat(metric(report, CanaryVariant.INGRESS_HEADER, "rollbackMs")).isLessThan(600);
        assertThat(metric(report, CanaryVariant.DNS_FLIP, "rollbackMs")).isBetween(3_000.0, 5_100.0);
        assertThat(metric(report, CanaryVariant.DAEMONSET, "rollbackMs")).isBetween(500.0, 1_100.0);
    }

    @Test
    void withoutSessionPinsTheHeaderRouteSplitsSessionsInFlightWhenTheRouteChanges() {
        // Shows: when the header decides every request, chosen users mid-session switch version at the release.
        ParamValues unpinned = ParamValues.defaults(EXPERIMENT.params()).with(CanaryParams.PIN_SESSIONS, "false");
        ExperimentReport header = Sweeps.sweep(EXPERIMENT, unpinned, 20);
        assertThat(metric(header, CanaryVariant.INGRESS_HEADER, "violatedSessionShare"))
                .isGreaterThan(0.0);
        assertThat(metric(header, CanaryVariant.INGRESS_HEADER, "otherExposedShare"))
                .isZero();
        assertThat(Sweeps.supportedOptions(header)).isEmpty();
    }
}
