package sdlab.chapters.traffic.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.NeverDeny;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The claims can fail: with a limiter that never denies, the exact tiers no longer hold quotas. */
class PlacementPlantedBugTest {

    @Test
    void aLimiterThatNeverDeniesBreaksTheQuotaClaimWithAReplayableSeed() {
        // Shows: the sweep that passes with sdlab's limiters fails, naming a seed, when every limiter allows all.
        PlacementExperiment broken = new PlacementExperiment((algorithm, policy) -> new NeverDeny(policy));
        ExperimentReport report = Sweep.quietly(broken, 5);
        ClaimResult claim = report.claimsByName().get(PlacementClaims.EXACT_TIERS_HOLD_QUOTA);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run ratelimit-placement --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("beyond quota");
        assertThat(report.assertionsHold()).isFalse();
    }
}
