package sdlab.chapters.shard.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class HotspotsDeterminismTest {
    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs. A smaller
        // store and a shorter run keep the recorded traces small.
        HotspotsExperiment experiment = new HotspotsExperiment();
        ParamValues values = ParamValues.defaults(experiment.params())
                .with(HotspotParams.KEYS, "2000")
                .with(HotspotParams.LENGTH, "200ms");
        assertThat(ReplayCheck.problems(experiment, values, 7)).isEmpty();
    }
}
