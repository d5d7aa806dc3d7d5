package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeMap;
import sdlab.bench.coord.CoordFigures;
import sdlab.bench.coord.CoordRow;

/**
 * {@code bench coord}'s report: per operation, each side's throughput, p50 and p99 (medians of the
 * rounds), the ratios sdlab over ZooKeeper and whether the goal is met, as a table or JSON. A row
 * where either side answered an error says so in place of its ratios and goal: figures of failed
 * requests compare nothing.
 *
 * @param title one line saying what load ran
 * @param sdlab what the sdlab side was ({@code Ensemble.describe()})
 * @param zooKeeper what the ZooKeeper side was
 * @param start the machine at the start
 * @param end the machine at the end
 * @param goal the goal
 * @param rows one per operation
 */
record CoordReport(
        String title,
        String sdlab,
        String zooKeeper,
        Machine start,
        Machine end,
        PeerReport.Goal goal,
        List<CoordRow> rows) {
    static final String NOT_A_FIGURE = "not a figure (errors)";

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n');
        text.append("sdlab:     ").append(sdlab).append('\n');
        text.append("ZooKeeper: ").append(zooKeeper).append('\n');
        text.append("Machine: ")
                .append(start.describe())
                .append(format("; load average %.2f at the end.%n%n", end.loadAverage()));
        text.append(format(
                "%-8s %11s %11s %7s %9s %9s %9s %9s %7s  %s%n",
                "op",
                "sdlab ops/s",
                "zk ops/s",
                "ratio",
                "sdlab p50",
                "zk p50",
                "sdlab p99",
                "zk p99",
                "ratio",
                "goal"));
        for (CoordRow row : rows) {
            CoordFigures sdlabFigures = row.sdlab();
            CoordFigures zkFigures = row.zooKeeper();
            text.append(format(
                    "%-8s %,11.0f %,11.0f %7s %7.2fms %7.2fms %7.2fms %7.2fms %7s  %s%n",
                    row.op().wireName(),
                    sdlabFigures.opsPerSecond(),
                    zkFigures.opsPerSecond(),
                    ratioText(row.throughputRatio()),
                    sdlabFigures.latencyMsP50(),
                    zkFigures.latencyMsP50(),
                    sdlabFigures.latencyMsP99(),
                    zkFigures.latencyMsP99(),
                    ratioText(row.p99Ratio()),
                    goalText(row)));
        }
        text.append(format(
                "%nops/s, p50, p99: each side's median over the rounds. ratio: the median over the rounds of sdlab's"
                        + " figure over ZooKeeper's measured next to it (throughput: higher is better; p99: lower is"
                        + " better). Goal: throughput >= %.2fx and p99 <= %.2fx of ZooKeeper's, with no errors.%n",
                goal.throughputRatioMin(), goal.p99RatioMax()));
        if (rows.stream().anyMatch(row -> row.sdlabRounds().size() > 1)) {
            text.append(format("%nEvery round, ops/s in the order measured (sdlab | ZooKeeper):%n"));
            for (CoordRow row : rows) {
                text.append(format(
                        "%-8s %s | %s%n",
                        row.op().wireName(),
                        PeerReport.opsList(row.peerRow().sdlabRounds()),
                        PeerReport.opsList(row.peerRow().peerRounds())));
            }
        }
        for (CoordRow row : rows) {
            if (!row.isFigure()) {
                text.append(format(
                        "%s errors, all rounds: sdlab %s; ZooKeeper %s%n",
                        row.op().wireName(),
                        row.sdlab().errorsText(),
                        row.zooKeeper().errorsText()));
            }
        }
        return text.toString();
    }

    private String goalText(CoordRow row) {
        if (!row.isFigure()) {
            return NOT_A_FIGURE;
        }
        return goal.met(row.peerRow()) ? "met" : "missed";
    }

    private static String ratioText(OptionalDouble ratio) {
        return ratio.isPresent() ? format("%6.2fx", ratio.getAsDouble()) : "-";
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "coord");
        root.put("title", title);
        root.put("sdlab", sdlab);
        root.put("zookeeper", zooKeeper);
        root.put("cores", start.cores());
        root.put("loadAverage", start.loadAverage());
        root.put("loadAverageEnd", end.loadAverage());
        root.put("java", start.javaVersion());
        root.putObject("goal")
                .put("throughputRatioMin", goal.throughputRatioMin())
                .put("p99RatioMax", goal.p99RatioMax());
        var ops = root.putArray("ops");
        for (CoordRow row : rows) {
            ObjectNode node = ops.addObject().put("name", row.op().wireName());
            figures(node.putObject("sdlab"), row.sdlab());
            figures(node.putObject("zookeeper"), row.zooKeeper());
            ObjectNode rounds = node.putObject("rounds");
            var sdlabRounds = rounds.putArray("sdlab");
            row.sdlabRounds().forEach(round -> figures(sdlabRounds.addObject(), round));
            var zkRounds = rounds.putArray("zookeeper");
            row.zooKeeperRounds().forEach(round -> figures(zkRounds.addObject(), round));
            node.put("figure", row.isFigure());
            ratio(node, "throughputRatio", row.throughputRatio());
            ratio(node, "latencyP99Ratio", row.p99Ratio());
            if (row.isFigure()) {
                node.put("goalMet", goal.met(row.peerRow()));
            } else {
                node.putNull("goalMet");
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ratio(ObjectNode node, String name, OptionalDouble ratio) {
        if (ratio.isPresent()) {
            node.put(name, ratio.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    private static void figures(ObjectNode node, CoordFigures figures) {
        node.put("opsPerSecond", figures.opsPerSecond())
                .put("latencyMsP50", figures.latencyMsP50())
                .put("latencyMsP99", figures.latencyMsP99())
                .put("errors", figures.errors());
        ObjectNode byCode = node.putObject("errorsByCode");
        new TreeMap<>(figures.errorsByCode()).forEach(byCode::put);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
