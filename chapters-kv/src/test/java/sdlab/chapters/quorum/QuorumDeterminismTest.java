package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same run, byte for byte; another seed gives another run. */
class QuorumDeterminismTest {
    private final QuorumExperiment experiment = new QuorumExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndTheOtherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, defaults, 7)).isEmpty();
    }

    @Test
    void theCheckCatchesARunThatDoesNotReplay() {
        // Shows: the check can fail: a run that quietly uses a different seed each time is reported.
        assertThat(ReplayCheck.problems(new SeedDrifting(experiment), defaults, 7))
                .isNotEmpty()
                .anyMatch(problem -> problem.contains("two different traces"));
    }

    /** The quorum chapter with a planted nondeterminism: every run draws a seed of its own. */
    private record SeedDrifting(Experiment inner, AtomicLong runs) implements Experiment {
        SeedDrifting(Experiment inner) {
            this(inner, new AtomicLong());
        }

        @Override
        public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
            return inner.run(variant, values, seed * 1_000 + runs.incrementAndGet(), options);
        }

        @Override
        public ExperimentIdentity identity() {
            return inner.identity();
        }

        @Override
        public String explanation() {
            return inner.explanation();
        }

        @Override
        public List<Param<?>> params() {
            return inner.params();
        }

        @Override
        public List<Variant> variants(ParamValues values) {
            return inner.variants(values).subList(0, 1);
        }

        @Override
        public List<MetricSpec> metrics() {
            return inner.metrics();
        }

        @Override
        public List<Claim> claims(ParamValues values, List<Variant> variants) {
            return List.of();
        }

        @Override
        public Optional<Question> question(ParamValues values, List<Variant> variants) {
            return Optional.empty();
        }
    }
}
