package sdlab.chapters.traffic.placement;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.DeterminismCheck;
import sdlab.lab.ParamValues;

/** One seed replays the same run of every placement, byte for byte; another seed gives another run. */
class PlacementDeterminismTest {

    @Test
    void theSameSeedReplaysTheSameTraceAndTheNextSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counts for every variant; seed 8 differs.
        PlacementExperiment experiment = new PlacementExperiment();
        ParamValues shortRun = ParamValues.defaults(experiment.params()).with(PlacementParams.DURATION, "100ms");
        DeterminismCheck.sameSeedSameTraceOtherSeedOtherTrace(experiment, shortRun, 7);
    }
}
