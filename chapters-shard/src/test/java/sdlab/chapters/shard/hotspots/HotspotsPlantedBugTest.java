package sdlab.chapters.shard.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The hot-range claim can fail: load splits that never move a half away split the range and leave it in place. */
class HotspotsPlantedBugTest {
    @Test
    void splitsThatNeverMoveAHalfLeaveTheHotRangeHot() {
        // Shows: with the move planted away, hotrange-split's busiest shard stays as hot as with static ranges, and
        // loadSplitsCoolAHotRange fails with a seed to replay.
        HotspotsExperiment experiment = new HotspotsExperiment(HotspotBug.SPLITS_NEVER_MOVE);
        ParamValues values = ParamValues.defaults(experiment.params()).with(HotspotParams.LENGTH, "500ms");
        ExperimentReport report = Sweep.quietly(experiment, values, 1);
        ClaimResult claim = report.claimsByName().get(HotspotClaims.SPLITS_COOL_RANGE);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
