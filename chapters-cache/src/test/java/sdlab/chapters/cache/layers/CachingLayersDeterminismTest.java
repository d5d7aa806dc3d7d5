package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.history.OpType;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class CachingLayersDeterminismTest {
    private final CachingLayersExperiment experiment = new CachingLayersExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, defaults, 7)).isEmpty();
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
}
