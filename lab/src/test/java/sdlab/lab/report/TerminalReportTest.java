package sdlab.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.MetricSpec;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;
import sdlab.lab.toy.CoinExperiment;

class TerminalReportTest {
    private final CoinExperiment coin = new CoinExperiment();
    private final ExperimentReport report = Sweep.run(
            coin,
            ParamValues.defaults(coin.params()).with(CoinExperiment.FLIPS, "10"),
            SweepSettings.of(1, 20).withThreads(1),
            SweepProgress.none());

    @Test
    void showsVariantsAsRowsMetricsAsColumnsThenClaimsAndTheQuestion() {
        // The terminal report reads top to bottom: what ran, the numbers, the claims, the answer.
        String text = TerminalReport.render(report, true);
        assertThat(text)
                .startsWith("coin: Fair and loaded coins (chapter 99)\n")
                .contains("seeds 1..20; params flips=10* bias=0.8 flip-time=2ms (* not the default)")
                .containsPattern("variant +heads +headShare +headShareMean +flipMsP50 +flipMsMax +allHeadsSeeds\n")
                .containsPattern("\nfair +\\d+ ±\\d+ +0\\.\\d+ ±0\\.\\d+")
                .containsPattern("\nloaded +\\d+ ±\\d+ +0\\.\\d+ ±0\\.\\d+")
                .contains("  ✓ flipsAreCounted: held on 20/20 seeds (95% CI 83.9%-100%)")
                .contains(
                        "  ✗ noSeedDivisibleBySeven: violated on 2/20 seeds; first at seed 7: seed 7 is divisible by 7")
                .contains("      replay: ./sdlab run coin --seed 7 --variant fair --trace --flips 10")
                .contains("question: Which statement do the coins support?")
                .contains("  ✓ flips are counted [loaded]: supported; claim flipsAreCounted held");
    }

    @Test
    void fallsBackToAsciiForConsolesWithoutCheckMarks() {
        // A console that cannot encode check marks gets words instead of question marks.
        String text = TerminalReport.render(report, false);
        assertThat(text).contains("[ok] flipsAreCounted").contains("[FAIL] noSeedDivisibleBySeven");
        assertThat(text.chars().allMatch(c -> c < 128)).isTrue();
    }

    @Test
    void aTableTooWideForATerminalIsSplitIntoGroupsOfColumns() {
        // Twenty metrics would make rows of hundreds of characters; each group repeats the variant column instead.
        List<MetricSpec> metrics = new ArrayList<>();
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            metrics.add(MetricSpec.sum("quiteLongMetricName" + i, "metric " + i, "c"));
            values.put("quiteLongMetricName" + i, (long) i);
        }
        ExperimentReport wide = new ExperimentReport(
                "wide",
                1,
                "Wide",
                "s",
                "e",
                1,
                1,
                List.of(),
                metrics,
                List.of(new VariantResult("only", "d", Map.of(), values)),
                List.of(),
                Optional.empty(),
                List.of());
        String text = TerminalReport.render(wide, true);
        assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(120);
        assertThat(text.lines().filter(l -> l.startsWith("variant")).count()).isGreaterThan(1);
        assertThat(text).contains("quiteLongMetricName0").contains("quiteLongMetricName19");
    }

    @Test
    void aCellCarriesItsNinetyFivePercentHalfWidthWhenTheSeedsSpreadIt() {
        List<MetricSpec> metrics = List.of(
                MetricSpec.ratio("share", "a share", "a", "b"), MetricSpec.percentileMs("p99", "a p99", "h", 99));
        Map<String, Number> values = Map.of("share", 0.5, "p99", 12.0);
        VariantResult spread = new VariantResult("v", "d", Map.of(), values, Map.of("share", 0.01, "p99", Double.NaN));
        ExperimentReport report = new ExperimentReport(
                "x",
                1,
                "X",
                "s",
                "e",
                1,
                20,
                List.of(),
                metrics,
                List.of(spread),
                List.of(),
                Optional.empty(),
                List.of());

        // 1.96 x 0.01 = 0.0196, shown to two digits rounded up: the printed interval is never narrower.
        assertThat(TerminalReport.render(report, true)).contains("0.5 ±0.02").contains("±: half the width");
        assertThat(TerminalReport.render(report, false)).contains("0.5 +-0.02");
        assertThat(TerminalReport.render(report, true)).doesNotContain("12 ±");
    }
}
