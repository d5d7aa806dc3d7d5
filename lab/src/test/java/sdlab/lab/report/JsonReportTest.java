package sdlab.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;
import sdlab.lab.toy.CoinExperiment;

class JsonReportTest {
    private final CoinExperiment coin = new CoinExperiment();
    private final ExperimentReport report = Sweep.run(
            coin,
            ParamValues.defaults(coin.params()).with(CoinExperiment.BIAS, "0.75"),
            SweepSettings.of(1, 30).withThreads(2),
            SweepProgress.none());

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theTopLevelIsTheOneDesignDocuments() throws Exception {
        // DESIGN.md fixes the top level; added fields come after in a fixed order.
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(fields(json))
                .containsExactly(
                        "experiment",
                        "chapter",
                        "title",
                        "summary",
                        "seeds",
                        "firstSeed",
                        "params",
                        "variants",
                        "claims",
                        "question",
                        "assertionsHold",
                        "notes",
                        "metrics",
                        "mergeable");
        assertThat(json.get("experiment").asText()).isEqualTo("coin");
        assertThat(json.get("seeds").asInt()).isEqualTo(30);
        assertThat(json.get("params").get("bias").asDouble()).isEqualTo(0.75);
        assertThat(json.get("params").get("flip-time").asText()).isEqualTo("2ms");
        assertThat(json.get("assertionsHold").asBoolean()).isFalse();
    }

    @Test
    void variantsClaimsAndQuestionCarryTheDocumentedFields() throws Exception {
        // Scripts rely on these names: variants[].metrics, claims[].counterexampleSeed, question.options[].supported.
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        JsonNode loaded = json.get("variants").get(1);
        assertThat(fields(loaded))
                .containsExactly("name", "description", "params", "metrics", "standardErrors", "differenceErrors");
        assertThat(fields(loaded.get("differenceErrors")))
                .as("every metric with a per-seed term, not the percentiles")
                .containsExactly("heads", "headShare", "headShareMean", "allHeadsSeeds");
        assertThat(loaded.get("differenceErrors").get("headShare").get("fair").asDouble())
                .isPositive();
        assertThat(loaded.get("params").get("headChance").asDouble()).isEqualTo(0.75);
        assertThat(fields(loaded.get("metrics")))
                .containsExactly("heads", "headShare", "headShareMean", "flipMsP50", "flipMsMax", "allHeadsSeeds");
        assertThat(loaded.get("metrics").get("heads").isIntegralNumber()).isTrue();

        JsonNode sevens = json.get("claims").get(1);
        assertThat(fields(sevens))
                .contains("name", "holds", "seedsChecked", "evidence", "counterexampleSeed", "wilsonLow", "wilsonHigh");
        assertThat(sevens.get("counterexampleSeed").asLong()).isEqualTo(7);
        assertThat(sevens.get("replayCommand").asText())
                .isEqualTo("./sdlab run coin --seed 7 --variant fair --trace --bias 0.75");
        assertThat(json.get("claims").get(0).get("counterexampleSeed").isNull()).isTrue();

        JsonNode option = json.get("question").get("options").get(0);
        assertThat(fields(option)).startsWith("label", "variant", "supported");
    }

    @Test
    void undefinedNumbersAreNullAndTheTextIsAscii() {
        // NaN is not JSON; non-ASCII characters are escaped so any console or pipe carries the bytes unchanged.
        ExperimentReport withNaN = new ExperimentReport(
                "x",
                1,
                "Caf\u00e9 \u2713",
                "s",
                "e",
                1,
                1,
                List.of(),
                List.of(),
                List.of(new VariantResult("v", "d", Map.of(), Map.of("rate", Double.NaN))),
                List.of(),
                Optional.empty(),
                List.of());
        String json = JsonReport.render(withNaN);
        assertThat(json)
                .contains("\"rate\" : null")
                .contains("Caf\\u00E9 \\u2713")
                .contains("\"question\" : null");
        assertThat(json.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(json).doesNotContain("\r").endsWith("}\n");
    }
}
