package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.toy.CoinExperiment;

class SweepTest {
    private final CoinExperiment coin = new CoinExperiment();
    private final ParamValues defaults = ParamValues.defaults(coin.params());

    private ExperimentReport sweep(ParamValues values, long firstSeed, int seeds, int threads) {
        return Sweep.run(coin, values, SweepSettings.of(firstSeed, seeds).withThreads(threads), SweepProgress.none());
    }

    private static ClaimResult claim(ExperimentReport report, String name) {
        return report.claims().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEverySeedClaimThatHoldsEverywhereReportsItsSampleAndInterval() {
        // 100 of 100 seeds: holds, with the Wilson interval of 100/100 and no counterexample.
        ClaimResult counted = claim(sweep(defaults, 1, 100, 2), "flipsAreCounted");
        assertThat(counted.holds()).isTrue();
        assertThat(counted.seedsChecked()).isEqualTo(100);
        assertThat(counted.seedsHolding()).isEqualTo(100);
        assertThat(counted.wilsonLow()).isBetween(0.9630, 0.9631);
        assertThat(counted.wilsonHigh()).isEqualTo(1.0);
        assertThat(counted.evidence()).isEqualTo("held on 100/100 seeds (95% CI 96.3%-100%)");
        assertThat(counted.counterexampleSeed()).isEmpty();
        assertThat(counted.replayCommand()).isEmpty();
    }

    @Test
    void anEverySeedClaimFailsOnItsFirstViolationAndSaysHowToReplayIt() {
        // Seeds 1..100 hold 14 multiples of seven; the first is 7, and the replay repeats non-default params.
        ParamValues values = defaults.with(CoinExperiment.FLIPS, "30").with(CoinExperiment.BIAS, "0.9");
        ClaimResult sevens = claim(sweep(values, 1, 100, 3), "noSeedDivisibleBySeven");
        assertThat(sevens.holds()).isFalse();
        assertThat(sevens.seedsHolding()).isEqualTo(86);
        assertThat(sevens.evidence()).isEqualTo("violated on 14/100 seeds; first at seed 7: seed 7 is divisible by 7");
        assertThat(sevens.counterexampleSeed()).isEqualTo(OptionalLong.of(7));
        assertThat(sevens.replayCommand())
                .contains("./sdlab run coin --seed 7 --variant fair --trace --flips 30 --bias 0.9");
    }

    @Test
    void aOneSeedReplayJudgesSomeSeedClaimsNotApplicableSoOnlyBrokenAssertionsFailIt() {
        // Seed 3 shows no zero and breaks no every-seed claim: the some-seed claims are not applicable, not failed.
        ExperimentReport three = sweep(defaults, 3, 1, 1);
        ClaimResult zero = claim(three, "someSeedEndsInZero");
        assertThat(zero.applicable()).isFalse();
        assertThat(zero.broke()).isFalse();
        assertThat(zero.replayCommand()).isEmpty();
        assertThat(zero.evidence())
                .isEqualTo("not applicable: one seed cannot refute a claim about some seed (not shown on seed 3: "
                        + "seed 3 ends in 3)");
        assertThat(three.assertionsHold()).isTrue();

        // Seed 10 shows the claim, so it holds; seed 7 breaks an every-seed assertion, so the replay fails.
        assertThat(claim(sweep(defaults, 10, 1, 1), "someSeedEndsInZero").holds())
                .isTrue();
        ExperimentReport seven = sweep(defaults, 7, 1, 1);
        assertThat(claim(seven, "noSeedDivisibleBySeven").broke()).isTrue();
        assertThat(seven.assertionsHold()).isFalse();
    }

    @Test
    void aSomeSeedClaimHoldsOnItsFirstWitness() {
        // From seed 5, the first seed ending in zero is 10; 10 of 100 seeds show it.
        ExperimentReport report = sweep(defaults, 5, 100, 2);
        ClaimResult zero = claim(report, "someSeedEndsInZero");
        assertThat(zero.holds()).isTrue();
        assertThat(zero.seedsHolding()).isEqualTo(10);
        assertThat(zero.witnessSeed()).isEqualTo(OptionalLong.of(10));
        assertThat(zero.counterexampleSeed()).isEmpty();
        assertThat(zero.evidence()).startsWith("shown on 10/100 seeds (95% CI 5.5%-17.4%); first at seed 10");

        ClaimResult never = claim(report, "neverShown");
        assertThat(never.holds()).isFalse();
        assertThat(never.evidence())
                .isEqualTo("not shown on any of 100 seeds (95% CI 0%-3.7%); at seed 5: " + "seed 5 shows nothing");
    }

    @Test
    void aQuestionOptionIsSupportedOnlyWhenAllOfItsClaimsHold() {
        // The second option names a failing claim, so it is not supported, and says which claim failed.
        QuestionResult question = sweep(defaults, 1, 20, 1).question().orElseThrow();
        assertThat(question.options())
                .extracting(QuestionResult.OptionResult::supported)
                .containsExactly(true, false);
        assertThat(question.options().get(0).why()).isEqualTo("claim flipsAreCounted held");
        assertThat(question.options().get(1).why()).startsWith("claim noSeedDivisibleBySeven did not hold: violated");
    }

    @Test
    void theReportIsTheSameWhateverTheNumberOfThreads() {
        // Seeds are merged in seed order, so means, histograms and first counterexamples do not depend on scheduling.
        String oneThread = JsonReport.render(sweep(defaults, 1, 300, 1));
        String fourThreads = JsonReport.render(sweep(defaults, 1, 300, 4));
        assertThat(fourThreads).isEqualTo(oneThread);
        assertThat(JsonReport.render(sweep(defaults, 2, 300, 4))).isNotEqualTo(oneThread);
    }

    @Test
    void metricsAggregateAsTheirSpecsSay() {
        // An experiment with known counts per seed: sums, ratios, per-seed means, percentiles and seed counts.
        var counting = new CountingExperiment();
        ExperimentReport report = Sweep.run(
                counting,
                ParamValues.defaults(counting.params()),
                SweepSettings.of(1, 4).withThreads(2),
                SweepProgress.none());
        Map<String, Number> metrics = report.variants().getFirst().metrics();
        // Seeds 1..4: ops = seed, errors = 1 on even seeds, latency = seed milliseconds.
        assertThat(metrics.keySet())
                .containsExactly(
                        "ops",
                        "errorRate",
                        "opsMean",
                        "latencyMsMax",
                        "seedsWithErrors",
                        "nothingMsP50",
                        "nothingRatio");
        assertThat(metrics.get("ops")).isEqualTo(10L);
        assertThat(metrics.get("errorRate")).isEqualTo(0.2);
        assertThat(metrics.get("opsMean")).isEqualTo(2.5);
        // HdrHistogram with three significant digits reports the top of the sample's bucket: within 0.1%.
        assertThat(metrics.get("latencyMsMax").doubleValue()).isBetween(4.0, 4.004);
        assertThat(metrics.get("seedsWithErrors")).isEqualTo(2L);
        assertThat(metrics.get("nothingMsP50")).isEqualTo(Double.NaN);
        assertThat(metrics.get("nothingRatio")).isEqualTo(Double.NaN);
    }

    @Test
    void aFailingExperimentNamesTheSeedAndVariant() {
        // An exception in an experiment is a bug; the sweep stops and says which seed to replay.
        var counting = new CountingExperiment() {
            @Override
            public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
                if (seed == 13) {
                    throw new IllegalStateException("unlucky");
                }
                return super.run(variant, values, seed, options);
            }
        };
        assertThatThrownBy(() -> Sweep.run(
                        counting,
                        ParamValues.defaults(counting.params()),
                        SweepSettings.of(1, 40).withThreads(3),
                        SweepProgress.none()))
                .isInstanceOf(SweepFailure.class)
                .hasMessageContaining("variant only threw on seed 13")
                .hasMessageContaining("unlucky")
                .extracting(e -> ((SweepFailure) e).seed())
                .isEqualTo(13L);
    }

    @Test
    void restrictingToOneVariantSkipsClaimsThatCompareVariants() {
        // With one variant there is nothing to compare: metrics only, and a note that says why.
        ExperimentReport report =
                Sweep.run(coin, defaults, SweepSettings.of(1, 10).withOnlyVariant("loaded"), SweepProgress.none());
        assertThat(report.variants()).extracting(v -> v.name()).containsExactly("loaded");
        assertThat(report.claims()).isEmpty();
        assertThat(report.question()).isEmpty();
        assertThat(report.notes()).singleElement().asString().contains("--variant kept only loaded");
        assertThatThrownBy(() -> Sweep.run(
                        coin, defaults, SweepSettings.of(1, 10).withOnlyVariant("bent"), SweepProgress.none()))
                .hasMessage("no variant named 'bent'; variants: fair, loaded");
    }

    @Test
    void progressIsReportedOncePerSeedInOrder() {
        // The progress bar is fed from the merging thread: 0 at the start, then one by one up to the total.
        List<Integer> reported = new ArrayList<>();
        Sweep.run(coin, defaults, SweepSettings.of(1, 50).withThreads(4), (done, total) -> {
            assertThat(total).isEqualTo(50);
            reported.add(done);
        });
        assertThat(reported).isEqualTo(IntStream.rangeClosed(0, 50).boxed().toList());
    }

    @Test
    void replayKeepsTraceAndHistoryOfTheChosenSeed() {
        // The sweep keeps neither; replay runs the one seed again with both.
        var detail = Sweep.replay(coin, defaults, 7, Optional.empty());
        assertThat(detail.runsByVariant().keySet()).containsExactly("fair", "loaded");
        assertThat(detail.runsByVariant().get("fair").trace()).hasSize(40);
        assertThat(detail.runsByVariant().get("fair").history()).isPresent();
        assertThat(Sweep.replay(coin, defaults, 7, Optional.of("loaded")).runsByVariant())
                .containsOnlyKeys("loaded");
    }

    @Test
    void theShowcasedSeedIsTheFirstCounterexample() {
        // Reports draw the seed that most needs explaining.
        assertThat(sweep(defaults, 1, 30, 2).showcaseSeed()).isEqualTo(7);
    }

    @Test
    void aQuietSweepRunsSeedsFromOneAndTheReportAnswersLookupsByName() {
        // The lookups that chapter tests use: the same sweep as seeds 1..n, claims, metrics and options by name.
        ExperimentReport quiet = Sweep.quietly(coin, 30);
        assertThat(JsonReport.render(quiet)).isEqualTo(JsonReport.render(sweep(defaults, 1, 30, 1)));
        assertThat(quiet.claimsByName().keySet())
                .containsExactly("flipsAreCounted", "noSeedDivisibleBySeven", "someSeedEndsInZero", "neverShown");
        assertThat(quiet.claimsByName().get("noSeedDivisibleBySeven").holds()).isFalse();
        assertThat(quiet.metric("fair", "heads"))
                .isEqualTo(quiet.variants().get(0).metrics().get("heads").doubleValue());
        assertThat(quiet.supportedOptions()).containsExactly("loaded");
        assertThatThrownBy(() -> quiet.metric("unfair", "heads")).hasMessageContaining("no variant 'unfair'");
        assertThatThrownBy(() -> quiet.metric("fair", "tails")).hasMessageContaining("no metric 'tails'");
    }
}
