package sdlab.chapters.traffic.lbfeatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The claims can fail: a balancer that says it drains but stops backends at once loses requests. */
class LbFeaturesPlantedBugTest {

    @Test
    void drainingThatDoesNotWaitBreaksTheNoLossClaimWithAReplayableSeed() {
        // Shows: the draining claim that holds on every seed fails, naming a seed, when the drain does not wait.
        ExperimentReport report = Sweep.quietly(new LbFeaturesExperiment(false), 10);
        ClaimResult claim = report.claimsByName().get(LbClaims.DRAINING_LOSES_NOTHING);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run lb-features --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("requestsLost");
    }
}
