package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.core.history.OpType;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class CachingLayersDeterminismTest {
    private final CachingLayersExperiment experiment = new CachingLayersExperiment();
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
    void everyUserOpensTheSameUrlsInEveryVariant() {
        // Shows: what each user opens depends on the seed only, so the layers are compared on the same viewing.
        List<List<String>> opened = experiment.variants(defaults).stream()
                .map(v -> urls(experiment.run(v, defaults, 3, RunOptions.full())))
                .toList();
        assertThat(opened).allSatisfy(urls -> assertThat(urls).isEqualTo(opened.getFirst()));
    }

    private static List<String> urls(SeedRun run) {
        return run.history().orElseThrow().ops().stream()
                .filter(op -> op.type() == OpType.INVOKE)
                .map(op -> op.process() + " " + op.key())
                .sorted()
                .toList();
    }

    private static List<String> lines(List<TraceEvent> trace) {
        return trace.stream().map(TraceEvent::format).toList();
    }
}
