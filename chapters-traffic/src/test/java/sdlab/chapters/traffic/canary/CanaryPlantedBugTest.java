package sdlab.chapters.traffic.canary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The claims can fail: an ingress whose canary rule forgets to look at the header sends everyone to the canary. */
class CanaryPlantedBugTest {

    @Test
    void aRouteThatIgnoresTheHeaderBreaksTheSparingClaimWithAReplayableSeed() {
        // Shows: the sweep that passes with the real rule fails, naming seed 1, when the rule ignores the header.
        CanaryExperiment broken =
                new CanaryExperiment((request, ruleOn, pinSessions) -> ruleOn ? Version.CANARY : Version.STABLE);
        ExperimentReport report = Sweep.quietly(broken, 5);
        ClaimResult claim = report.claimsByName().get(CanaryClaims.HEADER_SPARES_OTHERS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).hasValue(1);
        assertThat(claim.replayCommand())
                .hasValueSatisfying(command -> assertThat(command).startsWith("./sdlab run canary --seed 1"));
        assertThat(claim.evidence()).contains("otherUsersCanaryPages");
    }
}
