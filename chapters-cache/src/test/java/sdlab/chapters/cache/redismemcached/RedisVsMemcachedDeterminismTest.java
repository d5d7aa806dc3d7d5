package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class RedisVsMemcachedDeterminismTest {
    private final RedisVsMemcachedExperiment experiment = new RedisVsMemcachedExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, defaults, 7)).isEmpty();
    }

    @Test
    void recordingTheTraceDoesNotChangeTheRun() {
        // Shows: a sweep's lean run and a replay's full run of one seed measure the same numbers.
        for (Variant variant : experiment.variants(defaults)) {
            SeedRun lean = experiment.run(variant, defaults, 11, RunOptions.lean());
            SeedRun full = experiment.run(variant, defaults, 11, RunOptions.full());
            assertThat(full.counters()).as(variant.name()).isEqualTo(lean.counters());
            assertThat(full.traceHash()).isEqualTo(lean.traceHash());
        }
    }
}
