package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.bench.repl.CommitFigures;
import sdlab.bench.repl.CommitMode;
import sdlab.bench.repl.ModeRow;

class ReplReportTest {
    private static CommitFigures run(double p50, double p99) {
        return new CommitFigures(1000, 10, p50, p99, 0, List.of());
    }

    private static ReplReport report(List<ModeRow> rows) {
        Map<String, String> systems = new LinkedHashMap<>();
        systems.put("sdlab", "two JVMs");
        systems.put("MariaDB", "two mariadbd");
        return new ReplReport(
                "title line",
                systems,
                Map.of("PostgreSQL", "missing initdb"),
                "1.00 2.00 3.00 1/100 42",
                "1.50 2.00 3.00 1/100 43",
                new Machine(2, 1.0, "25"),
                rows);
    }

    private static List<ModeRow> rows() {
        CommitFigures failed = new CommitFigures(0, 10, Double.NaN, Double.NaN, 0, List.of("semi-sync status was OFF"));
        return List.of(
                new ModeRow("sdlab", CommitMode.ASYNC, "--mode async", List.of(run(2, 4)), List.of(run(2, 4))),
                new ModeRow(
                        "sdlab",
                        CommitMode.SEMI_SYNC_AFTER_SYNC,
                        "--mode semi-sync --wait-point after-sync",
                        List.of(run(5, 12)),
                        List.of(run(2, 4))),
                new ModeRow("MariaDB", CommitMode.ASYNC, "off", List.of(run(1, 2)), List.of(run(1, 2))),
                new ModeRow(
                        "MariaDB", CommitMode.SEMI_SYNC_AFTER_SYNC, "AFTER_SYNC", List.of(failed), List.of(run(1, 2))));
    }

    @Test
    void theTableShowsEachModesRatioToItsOwnSystemsAsyncSideBySide() {
        String text = report(rows()).text();

        assertThat(text)
                .contains("title line", "PostgreSQL: skipped: missing initdb")
                .contains("/proc/loadavg 1.00 2.00 3.00 1/100 42 at the start, 1.50 2.00 3.00 1/100 43 at the end")
                .contains("depend on the machine");
        assertThat(text.lines().filter(l -> l.startsWith("sdlab      semi-sync after-sync")))
                .singleElement()
                .asString()
                .contains("2.50x", "3.00x");
        assertThat(text.lines().filter(l -> l.startsWith("semi-sync after-sync ")))
                .singleElement()
                .asString()
                .contains("2.50x / 3.00x", ReplReport.NOT_A_FIGURE);
        assertThat(text).contains("MariaDB semi-sync after-sync: semi-sync status was OFF");
    }

    @Test
    void theJsonHasARowPerSystemAndModeWithRatiosOrNullAndNoNaN() throws Exception {
        String json = report(rows()).json();
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(root.get("benchmark").asText()).isEqualTo("repl");
        assertThat(root.get("rows")).hasSize(4);
        JsonNode semiSync = root.get("rows").get(1);
        assertThat(semiSync.get("system").asText()).isEqualTo("sdlab");
        assertThat(semiSync.get("latencyP50Ratio").asDouble()).isEqualTo(2.5);
        JsonNode failed = root.get("rows").get(3);
        assertThat(failed.get("figure").asBoolean()).isFalse();
        assertThat(failed.get("latencyP50Ratio").isNull()).isTrue();
        assertThat(failed.get("latencyMsP50").isNull()).isTrue();
        assertThat(failed.get("problems").get(0).asText()).isEqualTo("semi-sync status was OFF");
        assertThat(root.get("skipped").get("PostgreSQL").asText()).isEqualTo("missing initdb");
        assertThat(json).doesNotContain("NaN");
    }
}
