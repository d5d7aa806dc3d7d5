package sdlab.chapters.ledger.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.ledger.profile.ProfileConfig;

/**
 * The version-vector claims can fail: a comparison that orders two concurrent versions by their counter sums (so one
 * looks dominated and is dropped) loses edits without a sibling ever reaching the application, and {@code
 * versionVectorsLoseNoAcknowledgedEditSilently} must catch it with a seed to replay.
 */
class ConflictsPlantedBugTest {

    @Test
    void concurrentVersionsTakenAsDominatedLoseEditsSilently() {
        ExperimentReport report = Sweep.quietly(new ConflictsExperiment(ProfileConfig.Bug.CONCURRENT_AS_DOMINATED), 4);
        ClaimResult claim = report.claimsByName().get(ConflictsClaims.VERSION_VECTORS_LOSE_NOTHING);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run conflicts --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("vanished silently");
        // No sibling ever survives, so the application is never shown a conflict either.
        ClaimResult surfaced = report.claimsByName().get(ConflictsClaims.VERSION_VECTORS_SURFACE);
        assertThat(surfaced.holds()).as(surfaced.evidence()).isFalse();
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence());
    }

    @Test
    void aCrdtMergeThatIgnoresTheCausalContextUndoesRemovals() {
        // Shows: merged as a plain union, a copy that still holds a removed entry brings it back, and
        // aCrdtMapKeepsEveryRemoval fails with a seed to replay.
        ExperimentReport report = Sweep.quietly(new ConflictsExperiment(ProfileConfig.Bug.CRDT_MERGE_AS_UNION), 4);
        ClaimResult claim = report.claimsByName().get(ConflictsClaims.CRDT_KEEPS_REMOVALS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.evidence()).contains("is back in the converged profile");
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
