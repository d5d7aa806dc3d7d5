package sdlab.chapters.traffic.lbfeatures;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.DeterminismCheck;

/** One seed replays the same run of every feature, byte for byte; another seed gives another run. */
class LbFeaturesDeterminismTest {

    @Test
    void theSameSeedReplaysTheSameTraceAndTheNextSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counts for every variant; seed 8 differs.
        DeterminismCheck.sameSeedSameTraceOtherSeedOtherTrace(new LbFeaturesExperiment(), 7);
    }
}
