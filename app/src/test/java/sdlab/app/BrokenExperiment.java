package sdlab.app;

import java.util.List;
import java.util.Optional;
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

/** An experiment with a bug on seed 5, to show how the command line reports experiment failures. */
public final class BrokenExperiment implements Experiment {
    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity("broken", 91, "Broken on purpose", "Throws on seed 5.");
    }

    @Override
    public String explanation() {
        return "It has a bug.";
    }

    @Override
    public List<Param<?>> params() {
        return List.of();
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(Variant.of("only", "the only variant"));
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        if (seed == 5) {
            throw new IllegalStateException("the bug");
        }
        return SeedRun.builder().counter("ok", 1).build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(MetricSpec.sum("ok", "runs that finished", "ok"));
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
