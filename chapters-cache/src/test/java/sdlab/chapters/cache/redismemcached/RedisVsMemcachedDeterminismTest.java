package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class RedisVsMemcachedDeterminismTest {
    private final RedisVsMemcachedExperiment experiment = new RedisVsMemcachedExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        SeedDetail first = Sweep.replay(experiment, defaults, 7, Optional.empty());
        SeedDetail again = Sweep.replay(experiment, defaults, 7, Optional.empty());
        SeedDetail other = Sweep.replay(experiment, defaults, 8, Optional.empty());

        for (String variant : first.runsByVariant().keySet()) {
            SeedRun a = first.runsByVariant().get(variant);
            SeedRun b = again.runsByVariant().get(variant);
            assertThat(lines(a.trace())).isNotEmpty().isEqualTo(lines(b.trace()));
            assertThat(a.traceHash()).isEqualTo(b.traceHash());
            assertThat(a.counters()).isEqualTo(b.counters());
            assertThat(a.traceHash())
                    .isNotEqualTo(other.runsByVariant().get(variant).traceHash());
        }
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

    private static List<String> lines(List<TraceEvent> trace) {
        return trace.stream().map(TraceEvent::format).toList();
    }
}
