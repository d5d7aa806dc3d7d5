package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.report.html.HtmlReport;

class ProvenanceReportTest {
    private static final Param<Duration> OP_COST = Param.duration(
            "op-cost", "CPU time of one operation", Duration.ofNanos(500), Duration.ZERO, Duration.ofSeconds(1));

    /** Counts operations (measured) and prices them with a configured cost (derived). */
    private static class PricedCounting extends CountingExperiment {
        private final String input;

        PricedCounting(String input) {
            this.input = input;
        }

        @Override
        public List<Param<?>> params() {
            return List.of(OP_COST);
        }

        @Override
        public List<MetricSpec> metrics() {
            return List.of(
                    MetricSpec.sum("ops", "operations", "ops"),
                    MetricSpec.sum("cpuUs", "CPU spent on operations", "ops").derivedFrom(input));
        }

        @Override
        public List<Claim> claims(ParamValues values, List<Variant> variants) {
            return List.of(
                    Claim.everySeed("opsCounted", "every seed does operations", (seed, runs) -> Optional.empty()),
                    Claim.everySeed("cpuFollowsCount", "CPU grows with operations", (seed, runs) -> Optional.empty())
                            .illustrating("the CPU figure is the count times --op-cost"));
        }
    }

    private static ExperimentReport run(PricedCounting experiment) {
        return Sweep.run(
                experiment, ParamValues.defaults(experiment.params()), SweepSettings.of(1, 5), SweepProgress.none());
    }

    @Test
    void derivedMetricsAndIllustrationsAreMarkedInEveryRendering() throws Exception {
        // A figure priced from a cost input is told apart from a measured one, and a claim over it is not evidence.
        ExperimentReport report = run(new PricedCounting("op-cost"));

        String terminal = TerminalReport.render(report, true);
        assertThat(terminal)
                .contains("cpuUs†: CPU spent on operations (derived from --op-cost, not measured)")
                .contains("ops: operations\n")
                .contains(
                        "illustrations (they follow from cost inputs or hold by construction, so they are not evidence):")
                .contains("illustration: the CPU figure is the count times --op-cost");
        assertThat(terminal.substring(terminal.indexOf("claims over"), terminal.indexOf("illustrations (")))
                .contains("opsCounted")
                .doesNotContain("cpuFollowsCount");
        assertThat(TerminalReport.render(report, false)).contains("cpuUs~");

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(json.get("metrics").get(0).get("provenance").asText()).isEqualTo("measured");
        assertThat(json.get("metrics").get(1).get("name").asText()).isEqualTo("cpuUs");
        assertThat(json.get("metrics").get(1).get("provenance").asText()).isEqualTo("derived");
        assertThat(json.get("metrics").get(1).get("derivedFrom").get(0).asText())
                .isEqualTo("op-cost");
        assertThat(json.get("claims").get(0).get("illustration").isNull()).isTrue();
        assertThat(json.get("claims").get(1).get("illustration").asText())
                .isEqualTo("the CPU figure is the count times --op-cost");

        String html = HtmlReport.render(report, Optional.empty());
        assertThat(html)
                .contains("class=\"derived\">cpuUs&#8224;</th>")
                .contains("(illustration, not evidence: the CPU figure is the count times --op-cost)");
        assertThat(report.claimsByName().get("cpuFollowsCount").isEvidence()).isFalse();
        assertThat(report.claimsByName().get("opsCounted").isEvidence()).isTrue();
    }

    @Test
    void aDerivedMetricMustNameParametersTheExperimentHas() {
        // A typo in the input's name would mark a figure with an input no user can change: refused before the sweep.
        assertThatThrownBy(() -> run(new PricedCounting("op-costs")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cpuUs is derived from 'op-costs', which is not one of its parameters");
    }
}
