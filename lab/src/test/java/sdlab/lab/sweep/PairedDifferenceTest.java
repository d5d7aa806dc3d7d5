package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.MergeableJson;
import sdlab.lab.report.Shard;
import sdlab.lab.report.VariantResult;
import sdlab.lab.toy.TwinCoinExperiment;

/**
 * The errors of differences between variants, paired by seed: checked against the textbook error of the per-seed
 * differences computed here in plain doubles, against the known truth of two coins thrown with the same draws (a 95%
 * interval must cover their true difference in about 95 of 100 seed ranges), and against the quadrature of the two
 * variants' own errors, which ignores the pairing and must be wider for coins that move together.
 */
class PairedDifferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TwinCoinExperiment twins = new TwinCoinExperiment();
    private final ParamValues defaults = ParamValues.defaults(twins.params());

    private ExperimentReport sweep(long firstSeed, int seeds) {
        return Sweep.run(twins, defaults, SweepSettings.of(firstSeed, seeds).withThreads(2), SweepProgress.none());
    }

    private static VariantResult variant(ExperimentReport report, String name) {
        return report.variants().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<SeedRun> runs(String variant, long firstSeed, int seeds) {
        Variant v = twins.variants(defaults).stream()
                .filter(x -> x.name().equals(variant))
                .findFirst()
                .orElseThrow();
        List<SeedRun> runs = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            runs.add(twins.run(v, defaults, seed, RunOptions.lean()));
        }
        return runs;
    }

    @Test
    void eachAggregationsPairedErrorIsTheErrorOfThePerSeedDifferences() {
        int seeds = 40;
        List<SeedRun> high = runs("high", 1, seeds);
        List<SeedRun> low = runs("low", 1, seeds);
        VariantResult result = variant(sweep(1, seeds), "high");

        double heads = sd(differences(high, low, r -> r.counter("heads")));
        double shares = sd(differences(high, low, r -> r.value("headShare")));
        double mostly = sd(differences(high, low, r -> r.counter("mostlyHeads")));
        // A total: sqrt(n) times the deviation of the per-seed differences; a mean: the deviation over sqrt(n).
        assertThat(result.differenceError("heads", "low")).isCloseTo(Math.sqrt(seeds) * heads, within(1e-9));
        assertThat(result.differenceError("headShareMean", "low")).isCloseTo(shares / Math.sqrt(seeds), within(1e-12));
        // A ratio whose denominators are equal on every seed is the mean of the per-seed shares: the same error.
        assertThat(result.differenceError("headShare", "low")).isCloseTo(shares / Math.sqrt(seeds), within(1e-12));
        assertThat(result.differenceError("mostlyHeadsSeeds", "low"))
                .isCloseTo(Math.sqrt(seeds) * mostly, within(1e-9));
        // The same difference the other way round has the same error.
        assertThat(variant(sweep(1, seeds), "low").differenceError("headShare", "high"))
                .isEqualTo(result.differenceError("headShare", "low"));
    }

    @Test
    void pairedIntervalsCoverTheTrueDifferenceAndAreNarrowerThanTheTwoErrorsInQuadrature() {
        int ranges = 100;
        int seedsPerRange = 25;
        int covered = 0;
        double ratios = 0;
        for (int range = 0; range < ranges; range++) {
            ExperimentReport report = sweep(1 + (long) range * seedsPerRange, seedsPerRange);
            VariantResult high = variant(report, "high");
            VariantResult low = variant(report, "low");
            double difference = high.metrics().get("headShare").doubleValue()
                    - low.metrics().get("headShare").doubleValue();
            double paired = high.differenceError("headShare", "low");
            double quadrature = Math.hypot(high.standardError("headShare"), low.standardError("headShare"));
            covered +=
                    Math.abs(difference - (TwinCoinExperiment.HIGH - TwinCoinExperiment.LOW)) <= 1.96 * paired ? 1 : 0;
            // The same draws move both coins together: much of their spread cancels in the difference.
            assertThat(paired).as("range %d", range).isLessThan(quadrature);
            ratios += paired / quadrature;
        }
        // Per flip, the difference's variance is 0.1 x 0.9 against 0.25 + 0.24 for the two coins apart: a ratio of
        // errors near 0.43.
        assertThat(ratios / ranges).isBetween(0.35, 0.5);
        // Binomial(100, 0.95) lies in [88, 99] with probability above 99.9%; these seeds are fixed, so this is one
        // draw.
        assertThat(covered).isBetween(88, 99);
    }

    @Test
    void coinsOnIndependentDrawsGainLittleFromPairing() {
        VariantResult low = variant(sweep(1, 400), "low");
        VariantResult again = variant(sweep(1, 400), "low-again");
        double quadrature = Math.hypot(low.standardError("headShare"), again.standardError("headShare"));

        assertThat(low.differenceError("headShare", "low-again") / quadrature).isBetween(0.85, 1.15);
    }

    @Test
    void pairingTheWrongSeedsWouldBeCaught() {
        // Planted bug: the high coin's seed s+1 paired with the low coin's seed s. The sums are still "exact", but the
        // error is the unpaired one, far from the error of the true per-seed differences the first test checks.
        int seeds = 40;
        List<SeedRun> low = runs("low", 1, seeds);
        List<SeedRun> high = runs("high", 1, seeds + 1);
        var metrics = twins.metrics();
        List<Variant> variants = twins.variants(defaults).subList(0, 2);
        VariantTally lowTally = new VariantTally(variants.get(0), metrics);
        VariantTally highTally = new VariantTally(variants.get(1), metrics);
        PairTally shifted = new PairTally(metrics, 2);
        for (int s = 0; s < seeds; s++) {
            lowTally.add(low.get(s));
            highTally.add(high.get(s + 1));
            shifted.add(List.of(low.get(s), high.get(s + 1)));
        }
        double misaligned = shifted.differenceErrors(List.of(lowTally, highTally), seeds)
                .get(1)
                .get("headShare")
                .get("low");
        double truth = sd(differences(high.subList(0, seeds), low, r -> r.value("headShare"))) / Math.sqrt(seeds);

        assertThat(misaligned).isGreaterThan(2 * truth);
    }

    @Test
    void shardsMergeIntoTheSamePairedErrorsAndAShardWithoutPairsGivesNone() throws Exception {
        ExperimentReport whole = sweep(1, 30);
        List<Shard> shards = List.of(shard(sweep(1, 12)), shard(sweep(13, 18)));
        ExperimentReport merged = SweepMerge.merge(twins, shards);
        assertThat(JsonReport.render(merged)).isEqualTo(JsonReport.render(whole));

        JsonNode old = JSON.readTree(JsonReport.render(sweep(1, 12)));
        ((ObjectNode) old.get("mergeable")).remove("pairs");
        ExperimentReport withOld =
                SweepMerge.merge(twins, List.of(MergeableJson.shard("old.json", old), shard(sweep(13, 18))));
        assertThat(variant(withOld, "high").differenceErrors()).isEmpty();
        assertThat(variant(withOld, "high").standardErrors())
                .isEqualTo(variant(whole, "high").standardErrors());
        assertThat(JSON.readTree(JsonReport.render(withOld))
                        .get("variants")
                        .get(1)
                        .has("differenceErrors"))
                .isFalse();
    }

    @Test
    void oneSeedHasNoPairedError() {
        assertThat(variant(sweep(1, 1), "high").differenceError("headShare", "low"))
                .isNaN();
    }

    private static Shard shard(ExperimentReport report) throws Exception {
        return MergeableJson.shard("shard.json", JSON.readTree(JsonReport.render(report)));
    }

    private static List<Double> differences(List<SeedRun> a, List<SeedRun> b, ToDoubleFunction<SeedRun> term) {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            differences.add(term.applyAsDouble(a.get(i)) - term.applyAsDouble(b.get(i)));
        }
        return differences;
    }

    private static double sd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
