package sdlab.chapters.cache.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.history.OpType;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class WarmupDeterminismTest {
    private final WarmupExperiment experiment = new WarmupExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, defaults, 7)).isEmpty();
    }

    @Test
    void everyVariantOfASeedMeetsTheSameRequests() {
        // Shows: the request stream depends on the seed only, so the variants are compared on the same traffic.
        List<List<String>> streams = experiment.variants(defaults).stream()
                .map(v -> requests(experiment.run(v, defaults, 3, RunOptions.full())))
                .toList();
        assertThat(streams).allSatisfy(stream -> assertThat(stream).isEqualTo(streams.getFirst()));
    }

    private static List<String> requests(SeedRun run) {
        return run.history().orElseThrow().ops().stream()
                .filter(op -> op.type() == OpType.INVOKE)
                .map(op -> op.f() + " " + op.key() + " @" + op.timeNanos())
                .toList();
    }
}
