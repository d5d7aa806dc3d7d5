package sdlab.chapters.repl.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.repl.ReplConfig;

/** The loss claims can fail, each caught with a seed to replay. */
class RedundancyPlantedBugTest {

    @Test
    void activeActivePrimariesThatSkipEachOthersWritesLoseAcknowledgedWrites() {
        // Shows: two primaries with the same server id confirm each other's entries and skip them; every write one of
        // them acknowledged is missing at the other, and noPatternButTheColdStandbyLosesAnAcknowledgedWrite says so.
        ExperimentReport report =
                Sweep.quietly(new RedundancyExperiment(ReplConfig.Bug.ACTIVE_ACTIVE_SKIPS_PEER_WRITES), 2);
        ClaimResult claim = report.claimsByName().get(RedundancyClaims.NO_LOSS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("active-active: ").contains("lost: ");
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run redundancy --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }

    @Test
    void aColdStandbyThatRestoresTheBaseBackupAloneLosesMoreThanTheLastArchiveTimeout() {
        // Shows: a restore that skips the archived log after the base backup takes over with an old state; the writes
        // archived since the base backup are gone, far more than one archive timeout's.
        ExperimentReport report = Sweep.quietly(new RedundancyExperiment(ReplConfig.Bug.RESTORE_SKIPS_ARCHIVED_LOG), 2);
        ClaimResult claim = report.claimsByName().get(RedundancyClaims.COLD_LOSES_ONLY_LAST);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("cold-standby: a write acknowledged");
        assertThat(claim.counterexampleSeed()).isPresent();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
