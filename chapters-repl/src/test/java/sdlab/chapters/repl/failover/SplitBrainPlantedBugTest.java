package sdlab.chapters.repl.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.repl.ReplConfig;

/**
 * The fencing claims can fail. A promotion whose token nobody enforces lets a paused primary, when it resumes, take
 * its replicas back and commit the write it had taken before the pause at a position the new primary had used.
 * A primary that does not stop taking writes when its lease lapses goes on serving the clients on its side of a cut
 * while the manager promotes another: the lease variant then has two primaries for the length of the cut.
 */
class SplitBrainPlantedBugTest {
    private static final int SEEDS = 32;

    @Test
    void aPromotionThatIgnoresTheFencingTokenBreaksTheFencedClaims() {
        ExperimentReport report =
                Sweep.quietly(new SplitBrainExperiment(ReplConfig.Bug.PROMOTION_IGNORES_FENCING_TOKEN), SEEDS);
        ClaimResult conflicts = report.claimsByName().get(FailoverClaims.FENCED_ONE_PRIMARY);

        assertThat(conflicts.holds()).as(conflicts.evidence()).isFalse();
        assertThat(conflicts.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run splitbrain --seed "
                        + conflicts.counterexampleSeed().getAsLong()));
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + conflicts.evidence());
    }

    @Test
    void aPrimaryThatKeepsTakingWritesAfterItsLeaseLapsedHasTwoPrimariesInAZoneSplit() {
        ExperimentReport report = Sweep.quietly(new SplitBrainExperiment(ReplConfig.Bug.NO_SELF_DEMOTION), SEEDS);
        ClaimResult claim = report.claimsByName().get(FailoverClaims.LEASE_ONE_SERVER);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("zone-split");
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
