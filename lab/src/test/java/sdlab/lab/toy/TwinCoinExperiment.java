package sdlab.lab.toy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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

/**
 * Two coins thrown with the same draws, for the tests of paired differences: a flip is heads when its draw is below
 * the coin's chance, so on every seed the likelier coin shows at least the other's heads. Both variants move together
 * from seed to seed, and the true difference of their shares of heads is known (the two chances' difference).
 */
public final class TwinCoinExperiment implements Experiment {
    public static final Param<Integer> FLIPS = Param.integer("flips", "coin flips per seed", 20, 1, 1000);
    public static final double LOW = 0.5;
    public static final double HIGH = 0.6;

    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity("twins", 98, "Twin coins", "Two coins thrown with the same draws.");
    }

    @Override
    public String explanation() {
        return "Two coins, one set of draws.";
    }

    @Override
    public List<Param<?>> params() {
        return List.of(FLIPS);
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(
                new Variant("low", "heads below " + LOW, Map.of("headChance", LOW)),
                new Variant("high", "heads below " + HIGH, Map.of("headChance", HIGH)),
                new Variant("low-again", "the low coin, on other draws", Map.of("headChance", LOW, "salt", 1L)));
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        double headChance = (Double) variant.settings().get("headChance");
        long salt = (Long) variant.settings().getOrDefault("salt", 0L);
        SplittableRandom draws = new SplittableRandom(seed * 7_919L + salt);
        int flips = values.get(FLIPS);
        int heads = 0;
        for (int i = 0; i < flips; i++) {
            heads += draws.nextDouble() < headChance ? 1 : 0;
        }
        return SeedRun.builder()
                .counter("flips", flips)
                .counter("heads", heads)
                .counter("mostlyHeads", 2 * heads > flips ? 1 : 0)
                .value("headShare", (double) heads / flips)
                .build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.sum("heads", "heads over all seeds", "heads"),
                MetricSpec.ratio("headShare", "heads per flip", "heads", "flips"),
                MetricSpec.meanPerSeed("headShareMean", "mean per seed of the share of heads", "headShare"),
                MetricSpec.seedsWith("mostlyHeadsSeeds", "seeds with more heads than tails", "mostlyHeads"));
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
