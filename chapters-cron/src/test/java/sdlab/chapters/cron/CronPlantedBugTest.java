package sdlab.chapters.cron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail: a target that keeps the highest token per writer instead of per resource
 * (each writer's tokens do rise, so a one-writer test passes) lets a stale leader through, and
 * {@code fencingLetsNoStaleLeaderOverwriteItsSuccessor} must catch it with a seed to replay.
 */
class CronPlantedBugTest {

    @Test
    void aTargetThatComparesTokensPerWriterBreaksTheFencingClaim() {
        // Shows: the sweep that passes for the correct target fails when tokens are compared per writer.
        ExperimentReport report =
                Sweep.quietly(new CronExperiment(policy -> policy.withBug(FencingPolicy.Bug.PER_WRITER_TOKENS)), 8);
        ClaimResult claim = report.claimsByName().get(CronClaims.FENCING_STOPS_STALE_OVERWRITES);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith(
                        "./sdlab run cron --seed " + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("stale overwrite");
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }
}
