package sdlab.chapters.cron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class CronDeterminismTest {
    private final CronExperiment experiment = new CronExperiment();

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, ParamValues.defaults(experiment.params()), 7))
                .isEmpty();
    }

    @Test
    void everyVariantOfASeedMeetsTheSameFaults() {
        // Shows: the faults depend on the seed alone, so the options are compared under the same ones.
        ParamValues values = ParamValues.defaults(experiment.params());
        CronFaults a = CronFaults.draw(values, CronScenario.SCHEDULERS, 11);
        CronFaults b = CronFaults.draw(values, CronScenario.SCHEDULERS, 11);
        assertThat(a.leaderFaults()).isEqualTo(b.leaderFaults());
        assertThat(a.skews()).isEqualTo(b.skews());
    }
}
