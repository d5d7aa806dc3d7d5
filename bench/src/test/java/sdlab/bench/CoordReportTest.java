package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.bench.coord.CoordFigures;
import sdlab.bench.coord.CoordOp;
import sdlab.bench.coord.CoordRow;

class CoordReportTest {
    private static final Machine MACHINE = new Machine(2, 1.5, "25");

    private static CoordFigures clean(double opsPerSecond, double p99) {
        return new CoordFigures(opsPerSecond, p99 / 2, p99, Map.of());
    }

    private static CoordReport report(List<CoordRow> rows) {
        return new CoordReport(
                "title", "sdlab side", "ZooKeeper side", MACHINE, MACHINE, new PeerReport.Goal(1.0, 1.5), rows);
    }

    @Test
    void aRowWhereEitherSideAnsweredErrorsHasNoRatioAndNoGoal() throws Exception {
        // create: ZooKeeper lost connections in one round, so its figures compare nothing even
        // though both sides have a throughput; setData is clean and gets its ratios.
        CoordFigures lossy = new CoordFigures(900, 2, 8, Map.of("CONNECTIONLOSS", 3L, "NO_REPLY", 1L));
        CoordRow create =
                new CoordRow(CoordOp.CREATE, List.of(clean(1000, 4), clean(1000, 4)), List.of(clean(1000, 4), lossy));
        CoordRow setData = new CoordRow(CoordOp.SET_DATA, List.of(clean(2000, 3)), List.of(clean(1000, 4)));

        assertThat(create.isFigure()).isFalse();
        assertThat(create.throughputRatio()).isEmpty();
        assertThat(create.p99Ratio()).isEmpty();
        assertThat(setData.throughputRatio()).hasValue(2.0);
        assertThat(setData.p99Ratio()).hasValue(0.75);

        String text = report(List.of(create, setData)).text();
        String createLine =
                text.lines().filter(l -> l.startsWith("create ")).findFirst().orElseThrow();
        assertThat(createLine)
                .contains(CoordReport.NOT_A_FIGURE)
                .doesNotContain("x ")
                .doesNotContain("met");
        assertThat(text.lines()
                        .filter(l -> l.startsWith("setData "))
                        .findFirst()
                        .orElseThrow())
                .contains("2.00x", "0.75x", "met");
        assertThat(text).contains("create errors, all rounds: sdlab none; ZooKeeper CONNECTIONLOSS=3 NO_REPLY=1");
        assertThat(text).contains("Every round, ops/s in the order measured (sdlab | ZooKeeper):");

        JsonNode json =
                new ObjectMapper().readTree(report(List.of(create, setData)).json());
        JsonNode createJson = json.get("ops").get(0);
        assertThat(createJson.get("figure").asBoolean()).isFalse();
        assertThat(createJson.get("throughputRatio").isNull()).isTrue();
        assertThat(createJson.get("latencyP99Ratio").isNull()).isTrue();
        assertThat(createJson.get("goalMet").isNull()).isTrue();
        assertThat(createJson
                        .get("zookeeper")
                        .get("errorsByCode")
                        .get("CONNECTIONLOSS")
                        .asLong())
                .isEqualTo(3);
        JsonNode setDataJson = json.get("ops").get(1);
        assertThat(setDataJson.get("throughputRatio").asDouble()).isEqualTo(2.0);
        assertThat(setDataJson.get("goalMet").asBoolean()).isTrue();
    }

    @Test
    void theGoalNeedsBothThroughputAndP99() {
        // Faster but with a p99 more than 1.5 times ZooKeeper's misses the goal, as does a
        // better p99 at lower throughput.
        CoordRow slowTail = new CoordRow(CoordOp.GET_DATA, List.of(clean(3000, 16)), List.of(clean(1000, 10)));
        CoordRow lowThroughput = new CoordRow(CoordOp.CREATE, List.of(clean(900, 1)), List.of(clean(1000, 10)));

        String text = report(List.of(slowTail, lowThroughput)).text();

        assertThat(text.lines()
                        .filter(l -> l.startsWith("getData "))
                        .findFirst()
                        .orElseThrow())
                .endsWith("missed");
        assertThat(text.lines().filter(l -> l.startsWith("create ")).findFirst().orElseThrow())
                .endsWith("missed");
    }
}
