package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.VariantResult;
import sdlab.lab.toy.CoinExperiment;

/**
 * The standard errors a report gives, checked two independent ways: against the textbook formulas computed here from
 * the seeds' own runs in plain doubles, and against the truth of a coin whose chance of heads is known (a 95% interval
 * must cover it in about 95 of 100 disjoint seed ranges, neither far fewer nor nearly all).
 */
class StandardErrorTest {
    private final CoinExperiment coin = new CoinExperiment();
    private final ParamValues defaults = ParamValues.defaults(coin.params());

    private VariantResult fair(long firstSeed, int seeds) {
        ExperimentReport report =
                Sweep.run(coin, defaults, SweepSettings.of(firstSeed, seeds).withThreads(2), SweepProgress.none());
        return report.variants().stream()
                .filter(v -> v.name().equals("fair"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachAggregationsErrorMatchesItsTextbookFormula() {
        int seeds = 40;
        Variant fair = coin.variants(defaults).get(0);
        List<Double> heads = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        int allHeads = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            SeedRun run = coin.run(fair, defaults, seed, RunOptions.lean());
            heads.add((double) run.counter("heads"));
            shares.add(run.value("headShare"));
            allHeads += run.counter("allHeads") > 0 ? 1 : 0;
        }
        double flipsPerSeed = defaults.get(CoinExperiment.FLIPS);
        VariantResult result = fair(1, seeds);

        // A total: sqrt(n) times the sample standard deviation of the per-seed counts.
        assertThat(result.standardError("heads")).isCloseTo(Math.sqrt(seeds) * sd(heads), within(1e-9));
        // A mean per seed: the standard deviation over sqrt(n).
        assertThat(result.standardError("headShareMean")).isCloseTo(sd(shares) / Math.sqrt(seeds), within(1e-12));
        // A ratio of sums with equal denominators is the mean of the per-seed shares: the same error.
        assertThat(result.standardError("headShare")).isCloseTo(sd(shares) / Math.sqrt(seeds), within(1e-12));
        double allHeadsShare = (double) allHeads / seeds;
        assertThat(result.standardError("allHeadsSeeds"))
                .isCloseTo(Math.sqrt(seeds * allHeadsShare * (1 - allHeadsShare)), within(1e-12));
        assertThat(result.standardError("flipMsP50"))
                .as("a percentile has no interval")
                .isNaN();
        assertThat(flipsPerSeed).isEqualTo(20);
    }

    @Test
    void ninetyFivePercentIntervalsCoverAFairCoinsTrueShareAboutNinetyFiveTimesInAHundred() {
        int ranges = 100;
        int seedsPerRange = 25;
        int covered = 0;
        for (int range = 0; range < ranges; range++) {
            VariantResult result = fair(1 + (long) range * seedsPerRange, seedsPerRange);
            double share = result.metrics().get("headShare").doubleValue();
            double halfWidth = 1.96 * result.standardError("headShare");
            covered += Math.abs(share - 0.5) <= halfWidth ? 1 : 0;
        }
        // Binomial(100, 0.95) lies in [88, 99] with probability above 99.9%; these seeds are fixed, so this is one
        // draw.
        assertThat(covered).isBetween(88, 99);
    }

    @Test
    void oneSeedHasNoError() {
        assertThat(fair(1, 1).standardError("headShare")).isNaN();
        assertThat(fair(1, 1).standardError("heads")).isNaN();
    }

    private static double sd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
