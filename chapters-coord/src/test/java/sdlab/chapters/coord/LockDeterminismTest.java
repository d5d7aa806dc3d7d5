package sdlab.chapters.coord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class LockDeterminismTest {
    private final LockExperiment experiment = new LockExperiment();

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, ParamValues.defaults(experiment.params()), 7))
                .isEmpty();
    }

    @Test
    void everyVariantOfASeedMeetsTheSameFaults() {
        // Shows: the faults depend on the seed alone, so the recipes are compared under the same ones.
        ParamValues values = ParamValues.defaults(experiment.params());
        assertThat(LockFaults.draw(values, 11).faults())
                .isEqualTo(LockFaults.draw(values, 11).faults())
                .isNotEqualTo(LockFaults.draw(values, 12).faults());
    }
}
