package sdlab.chapters.txlog.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.txlog.saga.SagaConfig;

/**
 * The end-state claims can fail: an orchestrator (or a choreography's first service) that skips the first step's
 * compensation reports a rejected order compensated while its order record stays applied, and the sweep catches it
 * from the stores with a seed to replay.
 */
class SagaPlantedBugTest {

    @Test
    void aChoreographyWhoseFirstServiceSkipsItsCompensationBreaksItsEndStateClaim() {
        ExperimentReport report =
                Sweep.quietly(new SagaExperiment(config -> config.withBug(SagaConfig.Bug.SKIP_FIRST_COMPENSATION)), 4);
        ClaimResult claim = report.claimsByName().get(SagaClaims.CHOREOGRAPHY_ENDS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains(SagaClaims.CHOREOGRAPHY + ": ").contains("inconsistent");
    }

    @Test
    void skippingTheFirstCompensationBreaksTheEndStateClaim() {
        ExperimentReport report =
                Sweep.quietly(new SagaExperiment(config -> config.withBug(SagaConfig.Bug.SKIP_FIRST_COMPENSATION)), 4);
        ClaimResult claim = report.claimsByName().get(SagaClaims.EVERY_SAGA_ENDS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("inconsistent");
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith(
                        "./sdlab run sagas --seed " + claim.counterexampleSeed().getAsLong()));
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }
}
