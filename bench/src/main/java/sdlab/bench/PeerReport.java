package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import sdlab.bench.peer.LoadFigures;
import sdlab.bench.peer.PeerRow;

/**
 * A side-by-side report: each workload's throughput and p99 for sdlab and for the peer from the
 * same run (medians of the rounds), their ratios, whether the goal is met, and every
 * round's figures, as a table or JSON.
 *
 * @param benchmark the subcommand's name ({@code cache}, {@code gateway})
 * @param title one line saying what was run
 * @param peer the peer's name, as the column heading
 * @param start the machine at the start
 * @param end the machine at the end (its load says how busy the run left it)
 * @param goal the goal
 * @param rows one per workload
 * @param notes lines printed under the table
 */
record PeerReport(
        String benchmark,
        String title,
        String peer,
        Machine start,
        Machine end,
        Goal goal,
        List<PeerRow> rows,
        List<String> notes) {

    /**
     * Throughput at least {@code throughputRatioMin} of the peer's, p99 at most {@code
     * p99RatioMax} times, and no errors on either side: figures of failed requests compare
     * nothing.
     */
    record Goal(double throughputRatioMin, double p99RatioMax) {
        boolean met(PeerRow row) {
            return row.throughputRatio() >= throughputRatioMin
                    && row.p99Ratio() <= p99RatioMax
                    && row.sdlab().errors() == 0
                    && row.peer().errors() == 0;
        }
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n');
        text.append("Machine: ")
                .append(start.describe())
                .append(format("; load average %.2f at the end.%n%n", end.loadAverage()));
        text.append(format(
                "%-26s %12s %12s %7s %10s %10s %7s %7s  %s%n",
                "workload",
                "sdlab ops/s",
                peer + " ops/s",
                "ratio",
                "sdlab p99",
                peer + " p99",
                "ratio",
                "errors",
                "goal"));
        for (PeerRow row : rows) {
            text.append(format(
                    "%-26s %,12.0f %,12.0f %6.2fx %8.3fms %8.3fms %6.2fx %7s  %s%n",
                    row.workload(),
                    row.sdlab().opsPerSecond(),
                    row.peer().opsPerSecond(),
                    row.throughputRatio(),
                    row.sdlab().latencyMsP99(),
                    row.peer().latencyMsP99(),
                    row.p99Ratio(),
                    row.sdlab().errors() + "/" + row.peer().errors(),
                    goal.met(row) ? "met" : "missed"));
        }
        text.append(format(
                "%nops/s, p99: each side's median over the rounds. ratio: the median over the rounds of sdlab's"
                        + " figure over %s's measured next to it (throughput: higher is better; p99: lower is"
                        + " better). errors: sdlab/%s, all rounds. Goal: throughput >= %.2fx and p99 <= %.2fx of"
                        + " %s's, with no errors.%n",
                peer, peer, goal.throughputRatioMin(), goal.p99RatioMax(), peer));
        notes.forEach(note -> text.append(note).append('\n'));
        if (rows.stream().anyMatch(row -> row.sdlabRounds().size() > 1)) {
            text.append(format("%nEvery round, ops/s in the order measured (sdlab | %s):%n", peer));
            for (PeerRow row : rows) {
                text.append(format(
                        "%-26s %s | %s%n", row.workload(), opsList(row.sdlabRounds()), opsList(row.peerRounds())));
            }
        }
        return text.toString();
    }

    /** Each round's ops/s, in the order measured. */
    static String opsList(List<LoadFigures> rounds) {
        StringBuilder list = new StringBuilder();
        for (LoadFigures round : rounds) {
            list.append(list.isEmpty() ? "" : " ").append(format("%,9.0f", round.opsPerSecond()));
        }
        return list.toString();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", benchmark);
        root.put("peer", peer);
        root.put("cores", start.cores());
        root.put("loadAverage", start.loadAverage());
        root.put("loadAverageEnd", end.loadAverage());
        root.put("java", start.javaVersion());
        root.putObject("goal")
                .put("throughputRatioMin", goal.throughputRatioMin())
                .put("p99RatioMax", goal.p99RatioMax());
        var workloads = root.putArray("workloads");
        for (PeerRow row : rows) {
            ObjectNode node = workloads.addObject().put("name", row.workload());
            figures(node.putObject("sdlab"), row.sdlab());
            figures(node.putObject("peer"), row.peer());
            ObjectNode rounds = node.putObject("rounds");
            var sdlabRounds = rounds.putArray("sdlab");
            row.sdlabRounds().forEach(round -> figures(sdlabRounds.addObject(), round));
            var peerRounds = rounds.putArray("peer");
            row.peerRounds().forEach(round -> figures(peerRounds.addObject(), round));
            node.put("throughputRatio", row.throughputRatio())
                    .put("latencyP99Ratio", row.p99Ratio())
                    .put("goalMet", goal.met(row));
        }
        var notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figures(ObjectNode node, LoadFigures figures) {
        node.put("opsPerSecond", figures.opsPerSecond())
                .put("latencyMsP99", figures.latencyMsP99())
                .put("errors", figures.errors());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
