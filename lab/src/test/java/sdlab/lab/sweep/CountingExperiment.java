package sdlab.lab.sweep;

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

/** Counts that depend only on the seed, so that aggregated metrics have known values. */
class CountingExperiment implements Experiment {
    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity("counting", 98, "Counting", "Known numbers per seed.");
    }

    @Override
    public String explanation() {
        return "Seed s does s operations.";
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
        return SeedRun.builder()
                .counter("ops", seed)
                .counter("errors", seed % 2 == 0 ? 1 : 0)
                .latencyNanos("latency", seed * 1_000_000)
                .build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.sum("ops", "operations", "ops"),
                MetricSpec.ratio("errorRate", "errors per operation", "errors", "ops"),
                MetricSpec.meanPerSeed("opsMean", "operations per seed", "ops"),
                MetricSpec.percentileMs("latencyMsMax", "slowest", "latency", 100),
                MetricSpec.seedsWith("seedsWithErrors", "seeds with an error", "errors"),
                MetricSpec.percentileMs("nothingMsP50", "never recorded", "nothing", 50),
                MetricSpec.ratio("nothingRatio", "over zero", "errors", "nothing"));
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
