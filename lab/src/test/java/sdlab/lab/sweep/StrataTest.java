package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Stratum;
import sdlab.lab.Variant;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.MergeableJson;
import sdlab.lab.report.Shard;
import sdlab.lab.report.StrataResult;
import sdlab.lab.report.StratumResult;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.report.VariantResult;
import sdlab.lab.toy.CoinExperiment;
import sdlab.lab.toy.WeatherExperiment;

/** A report split by the stratum each seed drew: per-stratum figures, merges, determinism, and what stays as it was. */
class StrataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDS = 60;
    private final WeatherExperiment weather = new WeatherExperiment();

    private static ExperimentReport sweep(Experiment experiment, long firstSeed, int seeds, int threads) {
        return Sweep.run(
                experiment,
                ParamValues.defaults(experiment.params()),
                SweepSettings.of(firstSeed, seeds).withThreads(threads),
                SweepProgress.none());
    }

    private static Shard shard(String source, ExperimentReport report) throws Exception {
        return MergeableJson.shard(source, JSON.readTree(JsonReport.render(report)));
    }

    /** One variant's figures per stratum value, as the report holds them. */
    private static Map<String, VariantResult> figuresOf(StrataResult strata, String variant) {
        Map<String, VariantResult> byValue = new LinkedHashMap<>();
        for (StratumResult stratum : strata.strata()) {
            stratum.variants().stream()
                    .filter(v -> v.name().equals(variant))
                    .forEach(v -> byValue.put(stratum.value(), v));
        }
        return byValue;
    }

    private static Map<String, Integer> seedsOf(StrataResult strata, String variant) {
        Map<String, Integer> seeds = new LinkedHashMap<>();
        strata.strata().forEach(s -> seeds.put(s.value(), s.seeds(variant)));
        return seeds;
    }

    @Test
    void eachStratumsFiguresAreTheVariantsFiguresOverJustTheSeedsThatDrewIt() {
        // Every metric of every variant, per weather, against the seeds regrouped by hand (sums, a ratio of sums, a
        // mean per seed, a seed count and a percentile); fog, declared and never drawn, has 0 seeds and no mean.
        ExperimentReport report = sweep(weather, 1, SEEDS, 2);
        StrataResult strata = report.strata().orElseThrow();

        assertThat(strata.name()).isEqualTo("weather");
        assertThat(strata.strata())
                .extracting(StratumResult::value)
                .containsExactlyElementsOf(WeatherExperiment.WEATHERS);
        for (Variant variant : weather.variants(ParamValues.defaults(weather.params()))) {
            StrataOracle oracle = new StrataOracle(weather, variant, 1, SEEDS);
            assertThat(oracle.disagreements(figuresOf(strata, variant.name()), seedsOf(strata, variant.name())))
                    .as(variant.name())
                    .isEmpty();
        }
        assertThat(strata.stratum("sunny").seeds("walk")).isEqualTo(20);
        assertThat(strata.stratum("foggy").seeds("drive")).isZero();
        assertThat(strata.stratum("foggy").metric("drive", "distanceKm")).isNaN();
    }

    @Test
    void strataSeedsAndTotalsAddUpToTheWholeVariant() {
        // The strata partition the seeds: their counts sum to the seed count and their totals to the variant's.
        ExperimentReport report = sweep(weather, 1, SEEDS, 2);
        StrataResult strata = report.strata().orElseThrow();
        for (String variant : List.of("walk", "drive")) {
            assertThat(strata.strata().stream().mapToInt(s -> s.seeds(variant)).sum())
                    .isEqualTo(SEEDS);
            for (String metric : List.of("trips", "seedsDelayed")) {
                assertThat(strata.strata().stream()
                                .mapToDouble(s -> s.metric(variant, metric))
                                .sum())
                        .as(variant + " " + metric)
                        .isEqualTo(report.metric(variant, metric));
            }
        }
    }

    @Test
    void aTallyThatFilesSeedsUnderTheWrongStratumIsCaught() {
        // Planted bug: tallies that file snowy seeds as sunny. The comparison the first test makes finds it, so that
        // test could fail; the correct tallies fed the same runs agree.
        Variant walk = Variant.of("walk", "on foot");
        Stratum stratum = weather.stratum().orElseThrow();
        StratumTallies misfiling = new StratumTallies(walk, weather.metrics(), stratum, run -> {
            String value = run.stratum().orElseThrow();
            return value.equals("snowy") ? "sunny" : value;
        });
        StratumTallies filing = new StratumTallies(walk, weather.metrics(), stratum);
        for (long seed = 1; seed <= SEEDS; seed++) {
            SeedRun run = weather.run(walk, ParamValues.defaults(weather.params()), seed, RunOptions.lean());
            misfiling.add(run);
            filing.add(run);
        }
        StrataOracle oracle = new StrataOracle(weather, walk, 1, SEEDS);

        assertThat(oracle.disagreements(misfiling.results(Map.of()), misfiling.seeds()))
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).startsWith("snowy: 0 seeds, expected 20"));
        assertThat(oracle.disagreements(filing.results(Map.of()), filing.seeds()))
                .isEmpty();
    }

    @Test
    void shardsMergeIntoExactlyTheStrataOfOneRun() throws Exception {
        // Seeds 1..60 in three shards, handed over out of order: the merged strata equal the one run's, byte for byte.
        ExperimentReport whole = sweep(weather, 1, SEEDS, 2);
        List<Shard> shards = new ArrayList<>(List.of(
                shard("b.json", sweep(weather, 18, 25, 1)),
                shard("a.json", sweep(weather, 1, 17, 2)),
                shard("c.json", sweep(weather, 43, 18, 2))));

        ExperimentReport merged = SweepMerge.merge(weather, shards);

        assertThat(merged.strata()).isEqualTo(whole.strata());
        assertThat(JsonReport.render(merged)).isEqualTo(JsonReport.render(whole));
    }

    @Test
    void aShardThatLostAStratumIsRefused() throws Exception {
        // A merge that dropped a stratum would no longer add up to the variant: it is refused, naming the stratum.
        ObjectNode broken = (ObjectNode) JSON.readTree(JsonReport.render(sweep(weather, 31, 30, 2)));
        ((ObjectNode) broken.path("mergeable").path("variants").get(0).path("strata")).remove("rainy");
        List<Shard> shards = List.of(shard("a.json", sweep(weather, 1, 30, 2)), MergeableJson.shard("b.json", broken));

        assertThatThrownBy(() -> SweepMerge.merge(weather, shards))
                .isInstanceOf(MergeRefused.class)
                .hasMessageContaining("b.json")
                .hasMessageContaining("no tally of weather 'rainy'");
    }

    @Test
    void aShardWhoseStrataDoNotAddUpIsRefused() throws Exception {
        // A shard whose strata count other seeds than its variant does (a seed moved out of every stratum) is refused.
        ObjectNode broken = (ObjectNode) JSON.readTree(JsonReport.render(sweep(weather, 31, 30, 2)));
        ((ObjectNode) broken.path("mergeable")
                        .path("variants")
                        .get(1)
                        .path("strata")
                        .path("snowy"))
                .put("seeds", 9);
        List<Shard> shards = List.of(shard("a.json", sweep(weather, 1, 30, 2)), MergeableJson.shard("b.json", broken));

        assertThatThrownBy(() -> SweepMerge.merge(weather, shards))
                .isInstanceOf(MergeRefused.class)
                .hasMessageContaining("strata of variant drive");
    }

    @Test
    void theSameSeedsGiveTheSameBytesWhateverTheThreads() {
        // Determinism: one thread or three, the stratified report is the same JSON and the same text.
        ExperimentReport one = sweep(weather, 1, SEEDS, 1);
        ExperimentReport three = sweep(weather, 1, SEEDS, 3);
        assertThat(JsonReport.render(three)).isEqualTo(JsonReport.render(one));
        assertThat(TerminalReport.render(three, true)).isEqualTo(TerminalReport.render(one, true));
    }

    @Test
    void theJsonCarriesEachStratumsSeedsAndFigures() throws Exception {
        JsonNode json = JSON.readTree(JsonReport.render(sweep(weather, 1, SEEDS, 2)));
        JsonNode strata = json.path("strata");

        assertThat(strata.path("name").asText()).isEqualTo("weather");
        JsonNode rainy = strata.path("values").get(1);
        assertThat(rainy.path("value").asText()).isEqualTo("rainy");
        JsonNode drive = rainy.path("variants").get(1);
        assertThat(drive.path("name").asText()).isEqualTo("drive");
        assertThat(drive.path("seeds").asInt()).isEqualTo(20);
        // Rainy seeds are 1, 4, ..., 58: twice their sum is 1180 trips by car.
        assertThat(drive.path("metrics").path("trips").asLong()).isEqualTo(1180);
        assertThat(drive.path("standardErrors").has("trips")).isTrue();
        assertThat(json.path("strata")
                        .path("values")
                        .get(3)
                        .path("variants")
                        .get(0)
                        .path("metrics")
                        .path("distanceKm")
                        .isNull())
                .isTrue();
    }

    @Test
    void theTerminalShowsARowPerStratumWithEveryVariantInEachCell() {
        String text = TerminalReport.render(sweep(weather, 1, SEEDS, 2), false);

        assertThat(text).contains("per weather (seeds); each cell: walk / drive:");
        // Sunny seeds are 3, 6, ..., 60: 630 trips on foot and 1260 by car; fog has no seeds and no figures.
        assertThat(text).containsPattern("sunny \\(20\\) +630 / 1260 ");
        assertThat(text).containsPattern("foggy \\(0\\) +0 / 0 +- / -");
    }

    @Test
    void anExperimentWithoutAStratumReportsAsBefore() throws Exception {
        // No "strata" anywhere in its JSON (top level or mergeable), and no per-stratum table in its text.
        CoinExperiment coin = new CoinExperiment();
        ExperimentReport report = sweep(coin, 1, 20, 2);
        String json = JsonReport.render(report);

        assertThat(report.strata()).isEmpty();
        assertThat(json).doesNotContain("strata");
        assertThat(TerminalReport.render(report, false)).doesNotContain("each cell:");
        assertThat(SweepMerge.merge(coin, List.of(shard("a.json", report)))).isEqualTo(report);
    }

    @Test
    void aRunNamingAnUndeclaredValueStopsTheSweepAtItsSeed() {
        // A run filed under a weather the experiment never declared would leave the strata short of the totals.
        assertThatThrownBy(() -> sweep(WeatherExperiment.namingHail(), 1, 10, 2))
                .isInstanceOf(SweepFailure.class)
                .satisfies(e -> assertThat(((SweepFailure) e).seed()).isEqualTo(WeatherExperiment.HAIL_SEED))
                .hasStackTraceContaining("'hail', not one of [sunny, rainy, snowy, foggy]");
    }
}
