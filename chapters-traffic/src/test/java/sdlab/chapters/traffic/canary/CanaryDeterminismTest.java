package sdlab.chapters.traffic.canary;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.DeterminismCheck;

/** One seed replays the same run of every release strategy, byte for byte; another seed gives another run. */
class CanaryDeterminismTest {

    @Test
    void theSameSeedReplaysTheSameTraceAndTheNextSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counts for every variant; seed 8 differs.
        DeterminismCheck.sameSeedSameTraceOtherSeedOtherTrace(new CanaryExperiment(), 7);
    }
}
