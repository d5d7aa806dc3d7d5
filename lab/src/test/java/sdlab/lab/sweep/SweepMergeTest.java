package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.MergeableJson;
import sdlab.lab.report.Shard;
import sdlab.lab.toy.CoinExperiment;

class SweepMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CoinExperiment coin = new CoinExperiment();
    private final ParamValues loaded = ParamValues.defaults(coin.params()).with(CoinExperiment.BIAS, "0.75");

    private ExperimentReport sweep(ParamValues values, long firstSeed, int seeds) {
        return Sweep.run(coin, values, SweepSettings.of(firstSeed, seeds).withThreads(2), SweepProgress.none());
    }

    /** The report as another process would hand it over: its JSON text, read back. */
    private static Shard shard(String source, ExperimentReport report) throws Exception {
        return MergeableJson.shard(source, JSON.readTree(JsonReport.render(report)));
    }

    private List<Shard> shards(ParamValues values, long... bounds) throws Exception {
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            shards.add(shard(
                    "shard-" + i + ".json", sweep(values, bounds[i], Math.toIntExact(bounds[i + 1] - bounds[i]))));
        }
        return shards;
    }

    @Test
    void shardsMergeIntoExactlyTheReportOfOneRunOverAllTheirSeeds() throws Exception {
        // Seeds 1..40 in three shards, handed over in the wrong order: the merge equals the one run field for field,
        // including the percentiles of the merged histograms, the exact mean, the counterexample seed 7 (in the first
        // shard) and the witness seed 10.
        ExperimentReport whole = sweep(loaded, 1, 40);
        List<Shard> shards = shards(loaded, 1, 13, 27, 41);
        Collections.reverse(shards);

        ExperimentReport merged = SweepMerge.merge(coin, shards);

        assertThat(merged).isEqualTo(whole);
        assertThat(JsonReport.render(merged)).isEqualTo(JsonReport.render(whole));
        assertThat(merged.claimsByName().get("noSeedDivisibleBySeven").counterexampleSeed())
                .hasValue(7);
        assertThat(merged.claimsByName().get("someSeedEndsInZero").witnessSeed())
                .hasValue(10);
    }

    @Test
    void mergedPercentilesComeFromHistogramsNotFromTheShardsFigures() throws Exception {
        // The test above could pass by luck if every shard had the whole run's figures; they do not, so the merge
        // recomputed them. A mean of the shards' medians is not the median of all flips.
        ExperimentReport whole = sweep(loaded, 1, 40);
        List<ExperimentReport> parts = List.of(sweep(loaded, 1, 12), sweep(loaded, 13, 14), sweep(loaded, 27, 14));
        double medianOfAll = whole.metric("loaded", "flipMsP50");
        double meanOfMedians = parts.stream()
                .mapToDouble(r -> r.metric("loaded", "flipMsP50"))
                .average()
                .orElseThrow();
        assertThat(parts).allSatisfy(part -> assertThat(part.metric("loaded", "flipMsP50"))
                .isNotEqualTo(medianOfAll));
        assertThat(meanOfMedians).isNotEqualTo(medianOfAll);
        assertThat(SweepMerge.merge(coin, shards(loaded, 1, 13, 27, 41)).metric("loaded", "flipMsP50"))
                .isEqualTo(medianOfAll);
    }

    static Stream<long[]> randomSplits() {
        // Seeded random partitions of seeds 1..30 into 1 to 6 ranges, some of one seed.
        Random random = new Random(13);
        return IntStream.range(0, 8).mapToObj(i -> {
            int cuts = random.nextInt(6);
            List<Long> bounds = new ArrayList<>(List.of(1L, 31L));
            while (bounds.size() < cuts + 2) {
                long cut = 2 + random.nextInt(29);
                if (!bounds.contains(cut)) {
                    bounds.add(cut);
                }
            }
            Collections.sort(bounds);
            return bounds.stream().mapToLong(Long::longValue).toArray();
        });
    }

    @ParameterizedTest
    @MethodSource("randomSplits")
    void everySplitOfTheSeedsMergesIntoTheSameJson(long[] bounds) throws Exception {
        // However the seeds are cut, the merged JSON is the one-run JSON byte for byte.
        ParamValues values = loaded.with(CoinExperiment.FLIPS, "7");
        String whole = JsonReport.render(sweep(values, 1, 30));
        assertThat(JsonReport.render(SweepMerge.merge(coin, shards(values, bounds))))
                .isEqualTo(whole);
    }

    @Test
    void aMergedReportMergesFurther() throws Exception {
        // Merging is associative: (1..10 + 11..20) + 21..30 is the run over 1..30.
        ExperimentReport firstTwo = SweepMerge.merge(coin, shards(loaded, 1, 11, 21));
        ExperimentReport all = SweepMerge.merge(
                coin,
                List.of(
                        shard("first-two.json", firstTwo),
                        shards(loaded, 21, 31).getFirst()));
        assertThat(JsonReport.render(all)).isEqualTo(JsonReport.render(sweep(loaded, 1, 30)));
    }

    @Test
    void overlappingSeedRangesAreRefusedWithTheSeedsThatWouldCountTwice() throws Exception {
        List<Shard> shards = shards(loaded, 1, 11, 21);
        shards.add(shard("again.json", sweep(loaded, 15, 10)));
        assertThatThrownBy(() -> SweepMerge.merge(coin, shards))
                .isInstanceOf(MergeRefused.class)
                .hasMessage("shard-1.json (seeds 11..20) and again.json (seeds 15..24) overlap: seeds 15..20 would "
                        + "count twice");
    }

    @Test
    void theSameReportTwiceIsAnOverlap() throws Exception {
        Shard once = shards(loaded, 1, 11).getFirst();
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(once, once)))
                .isInstanceOf(MergeRefused.class)
                .hasMessageContaining("overlap: seeds 1..10 would count twice");
    }

    @Test
    void aGapIsRefusedWithTheCommandThatFillsIt() throws Exception {
        List<Shard> shards = new ArrayList<>(shards(loaded, 1, 11));
        shards.add(shard("late.json", sweep(loaded, 21, 10)));
        assertThatThrownBy(() -> SweepMerge.merge(coin, shards))
                .isInstanceOf(MergeRefused.class)
                .hasMessage("no report covers seeds 11..20 (between shard-0.json (seeds 1..10) and late.json (seeds "
                        + "21..30)); run them with --first-seed 11 --seeds 10 and merge again");
    }

    @Test
    void differentParametersAreRefusedNamingTheParameter() throws Exception {
        Shard a = shard("a.json", sweep(loaded, 1, 5));
        Shard b = shard("b.json", sweep(loaded.with(CoinExperiment.FLIPS, "9"), 6, 5));
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(a, b)))
                .isInstanceOf(MergeRefused.class)
                .hasMessage("a.json and b.json were run with different parameters: --flips 20 vs 9");
    }

    @Test
    void aSweepOfOneVariantIsNotMergedWithOneOfAll() throws Exception {
        Shard all = shard("all.json", sweep(loaded, 1, 5));
        Shard fair = shard(
                "fair.json",
                Sweep.run(
                        coin,
                        loaded,
                        SweepSettings.of(6, 5).withThreads(1).withOnlyVariant("fair"),
                        SweepProgress.none()));
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(all, fair)))
                .isInstanceOf(MergeRefused.class)
                .hasMessage("all.json and fair.json ran different variants (--variant not given, --variant fair)");
    }

    @Test
    void reportsOfAnotherExperimentOrVersionAreRefused() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(JsonReport.render(sweep(loaded, 6, 5)));
        ((ObjectNode) tree.get("mergeable")).put("definition", "sha256:0000");
        Shard older = MergeableJson.shard("older.json", tree);
        Shard current = shard("current.json", sweep(loaded, 1, 5));
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(current, older)))
                .isInstanceOf(MergeRefused.class)
                .hasMessageStartingWith("current.json and older.json were made by different versions of coin");
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(older)))
                .isInstanceOf(MergeRefused.class)
                .hasMessageStartingWith("older.json was made by a different version of coin than this sdlab");

        tree.put("experiment", "dice");
        Shard dice = MergeableJson.shard("dice.json", tree);
        assertThatThrownBy(() -> SweepMerge.merge(coin, List.of(current, dice)))
                .isInstanceOf(MergeRefused.class)
                .hasMessage("current.json and dice.json are reports of different experiments (coin, dice)");
    }

    @Test
    void aReportWithoutMergeableStateIsRefusedSayingWhy() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(JsonReport.render(sweep(loaded, 1, 5)));
        tree.remove("mergeable");
        assertThatThrownBy(() -> MergeableJson.shard("old.json", tree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("it has no \"mergeable\" section");
        ObjectNode damaged = (ObjectNode) JSON.readTree(JsonReport.render(sweep(loaded, 1, 5)));
        ((ObjectNode) damaged.get("mergeable").get("variants").get(1)).remove("seeds");
        assertThatThrownBy(() -> MergeableJson.shard("damaged.json", damaged))
                .hasMessage("mergeable.variants[1].seeds is missing or not a whole number");
    }

    @Test
    void aShardWrittenBeforeSpreadsWereKeptMergesWithoutStandardErrorsRatherThanWrongOnes() throws Exception {
        JsonNode old = JSON.readTree(JsonReport.render(sweep(loaded, 1, 10)));
        for (JsonNode variant : old.get("mergeable").get("variants")) {
            variant.get("metrics").forEach(metric -> ((ObjectNode) metric).remove("spread"));
        }
        List<Shard> shards = List.of(MergeableJson.shard("old.json", old), shard("new.json", sweep(loaded, 11, 10)));

        ExperimentReport merged = SweepMerge.merge(coin, shards);

        assertThat(merged.variants().get(1).standardError("headShare")).isNaN();
        assertThat(merged.variants().get(1).metrics())
                .isEqualTo(sweep(loaded, 1, 20).variants().get(1).metrics());
    }
}
