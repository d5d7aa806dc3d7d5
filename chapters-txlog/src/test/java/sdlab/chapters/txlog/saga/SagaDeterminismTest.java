package sdlab.chapters.txlog.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class SagaDeterminismTest {

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        SagaExperiment experiment = new SagaExperiment();
        assertThat(ReplayCheck.problems(experiment, ParamValues.defaults(experiment.params()), 7))
                .isEmpty();
    }
}
