package sdlab.chapters.traffic.responses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.NeverDeny;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The claims can fail: a server whose limiter never denies throttles nobody, and the comparison claims say so. */
class ResponsesPlantedBugTest {

    @Test
    void aLimiterThatNeverDeniesBreaksTheWasteClaimWithAReplayableSeed() {
        // Shows: with no 429 at all, obeying Retry-After cannot waste less than blind retry; the claim fails on seed 1.
        ResponsesExperiment broken = new ResponsesExperiment((algorithm, policy) -> new NeverDeny(policy));
        ExperimentReport report = Sweep.quietly(broken, 5);
        ClaimResult claim = report.claimsByName().get(ResponsesClaims.OBEYING_WASTES_LESS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).hasValue(1);
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run ratelimit-responses --seed 1"));
        assertThat(report.assertionsHold()).isFalse();
    }
}
