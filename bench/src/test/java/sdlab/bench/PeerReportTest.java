package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.bench.peer.LoadFigures;
import sdlab.bench.peer.PeerRow;

class PeerReportTest {
    private static final Machine MACHINE = new Machine(2, 1.5, "25");

    private static PeerReport report() {
        PeerRow row = new PeerRow(
                "wrk, limit on",
                List.of(
                        new LoadFigures(23_000, 7.0, 0),
                        new LoadFigures(38_000, 5.0, 0),
                        new LoadFigures(36_000, 5.5, 1)),
                List.of(
                        new LoadFigures(40_000, 4.0, 0),
                        new LoadFigures(36_000, 4.5, 0),
                        new LoadFigures(45_000, 4.2, 0)));
        return new PeerReport(
                "gateway", "title", "nginx", MACHINE, MACHINE, new PeerReport.Goal(0.8, 1.5), List.of(row), List.of());
    }

    @Test
    void theRatioIsTheMedianOfTheRoundsRatiosAndEveryRoundIsListed() {
        // Shows: medians per side (36,000 and 40,000), but the ratio pairs each round's two runs:
        // 23/40, 38/36 and 36/45 have the median 0.80; the slow first round stays visible below.
        // (The row misses the goal for the one error in sdlab's third round.)
        String text = report().text();

        assertThat(text).contains("36,000", "40,000", "0.80x", "1/0", "missed");
        assertThat(text).contains("Every round, ops/s in the order measured (sdlab | nginx):");
        assertThat(text).containsPattern("wrk, limit on +23,000 +38,000 +36,000 \\| +40,000 +36,000 +45,000");
    }

    @Test
    void aRowWithErrorsMissesTheGoalWhateverItsRatios() {
        // Shows: the peer's figures beside failed requests compare nothing, so errors alone miss the goal.
        PeerRow failing =
                new PeerRow("w", List.of(new LoadFigures(50_000, 1.0, 7)), List.of(new LoadFigures(40_000, 1.0, 0)));

        assertThat(new PeerReport.Goal(0.8, 1.5).met(failing)).isFalse();
        assertThat(new PeerReport.Goal(0.8, 1.5)
                        .met(new PeerRow(
                                "w",
                                List.of(new LoadFigures(50_000, 1.0, 0)),
                                List.of(new LoadFigures(40_000, 1.0, 0)))))
                .isTrue();
    }

    @Test
    void aRowNeedsTheSameNumberOfRoundsOnBothSides() {
        // Shows: rounds are pairs, so an unpaired run is a programming error named with the workload.
        assertThatThrownBy(() -> new PeerRow(
                        "w",
                        List.of(new LoadFigures(1, 1, 0)),
                        List.of(new LoadFigures(1, 1, 0), new LoadFigures(1, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w has 1 and 2");
    }

    @Test
    void jsonKeepsEveryRoundOfBothSides() throws Exception {
        // Shows: scripts get the medians, the ratio and each round's figures.
        JsonNode workload =
                new ObjectMapper().readTree(report().json()).get("workloads").get(0);

        assertThat(workload.get("sdlab").get("opsPerSecond").asDouble()).isEqualTo(36_000);
        assertThat(workload.get("sdlab").get("errors").asLong()).isEqualTo(1);
        assertThat(workload.get("throughputRatio").asDouble()).isEqualTo(0.8);
        assertThat(workload.get("rounds").get("sdlab")).hasSize(3);
        assertThat(workload.get("rounds")
                        .get("sdlab")
                        .get(0)
                        .get("opsPerSecond")
                        .asDouble())
                .isEqualTo(23_000);
        assertThat(workload.get("rounds").get("peer").get(2).get("latencyMsP99").asDouble())
                .isEqualTo(4.2);
    }
}
