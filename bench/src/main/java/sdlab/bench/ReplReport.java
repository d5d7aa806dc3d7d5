package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import sdlab.bench.repl.CommitFigures;
import sdlab.bench.repl.CommitMode;
import sdlab.bench.repl.ModeRow;

/**
 * {@code bench repl}'s report: per system and mode, commits per second, p50 and p99 commit latency (medians of the
 * rounds), errors, and each latency over the same system's baseline mode (async, or PostgreSQL's local) measured in
 * the same rounds; then the ratios of every mode side by side across systems, which is the comparison the bench
 * exists for. A row with errors or a failed check shows no ratio: it measured something other than the mode.
 *
 * @param title what load ran
 * @param systems each system's name and description, in the order of the rows
 * @param skipped systems not run, with the reason
 * @param loadStart {@code /proc/loadavg} at the start
 * @param loadEnd {@code /proc/loadavg} at the end
 * @param start the machine at the start
 * @param rows one per system and mode
 */
record ReplReport(
        String title,
        Map<String, String> systems,
        Map<String, String> skipped,
        String loadStart,
        String loadEnd,
        Machine start,
        List<ModeRow> rows) {
    static final String NOT_A_FIGURE = "not a figure";

    String text() {
        StringBuilder text = new StringBuilder(title).append('\n');
        systems.forEach((name, description) -> text.append(format("%-10s %s%n", name + ":", description)));
        skipped.forEach((name, reason) -> text.append(format("%-10s skipped: %s%n", name + ":", reason)));
        text.append(format(
                "Machine: %s; /proc/loadavg %s at the start, %s at the end. The figures depend on the machine and its"
                        + " load; the ratios, taken within one system in the same rounds, less so.%n%n",
                start.describe(), loadStart, loadEnd));
        text.append(format(
                "%-10s %-24s %-44s %9s %8s %8s %6s %7s %7s%n",
                "system", "mode", "setting", "commits/s", "p50 ms", "p99 ms", "errors", "p50 x", "p99 x"));
        for (ModeRow row : rows) {
            text.append(format(
                    "%-10s %-24s %-44s %,9.0f %8.2f %8.2f %6d %7s %7s%n",
                    row.system(),
                    row.mode().label(),
                    row.setting(),
                    row.commitsPerSecond(),
                    row.latencyMsP50(),
                    row.latencyMsP99(),
                    row.errors(),
                    ratio(row.p50Ratio()),
                    ratio(row.p99Ratio())));
        }
        text.append(
                format(
                        "%ncommits/s, p50, p99: medians over the rounds. p50 x, p99 x: the median over the rounds of the mode's"
                                + " latency over the same system's first mode (async; PostgreSQL: local) in the same round.%n"));
        text.append(sideBySide());
        text.append(everyRound());
        rows.stream()
                .filter(row -> !row.problems().isEmpty())
                .forEach(row -> text.append(
                        format("%s %s: %s%n", row.system(), row.mode().label(), String.join("; ", row.problems()))));
        return text.toString();
    }

    /** Every mode's p50 and p99 ratio, one column per system, for the modes at least two systems measured. */
    private String sideBySide() {
        Map<CommitMode, Map<String, ModeRow>> byMode = byMode();
        List<String> names = new ArrayList<>(systems.keySet());
        StringBuilder text = new StringBuilder(format("%nLatency over the system's own async, p50 / p99:%n"));
        text.append(format("%-24s", "mode"));
        names.forEach(name -> text.append(format(" %-17s", name)));
        text.append('\n');
        byMode.forEach((mode, bySystem) -> {
            text.append(format("%-24s", mode.label()));
            for (String name : names) {
                ModeRow row = bySystem.get(name);
                text.append(format(
                        " %-17s",
                        row == null
                                ? "-"
                                : row.isFigure()
                                        ? ratio(row.p50Ratio()).strip() + " / "
                                                + ratio(row.p99Ratio()).strip()
                                        : NOT_A_FIGURE));
            }
            text.append('\n');
        });
        return text.toString();
    }

    private Map<CommitMode, Map<String, ModeRow>> byMode() {
        Map<CommitMode, Map<String, ModeRow>> byMode = new LinkedHashMap<>();
        for (CommitMode mode : CommitMode.values()) {
            for (ModeRow row : rows) {
                if (row.mode() == mode) {
                    byMode.computeIfAbsent(mode, m -> new LinkedHashMap<>()).put(row.system(), row);
                }
            }
        }
        return byMode;
    }

    private String everyRound() {
        if (rows.stream().allMatch(row -> row.rounds().size() == 1)) {
            return "";
        }
        StringBuilder text = new StringBuilder(format("%nEvery round, p50 ms (commits/s):%n"));
        for (ModeRow row : rows) {
            text.append(format("%-10s %-24s", row.system(), row.mode().label()));
            row.rounds()
                    .forEach(round ->
                            text.append(format("  %.2f (%,.0f)", round.latencyMsP50(), round.commitsPerSecond())));
            text.append('\n');
        }
        return text.toString();
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? format("%.2fx", ratio.getAsDouble()) : "-";
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "repl");
        root.put("title", title);
        ObjectNode described = root.putObject("systems");
        systems.forEach(described::put);
        ObjectNode skippedNode = root.putObject("skipped");
        skipped.forEach(skippedNode::put);
        root.put("cores", start.cores());
        root.put("loadavgStart", loadStart);
        root.put("loadavgEnd", loadEnd);
        root.put("java", start.javaVersion());
        ArrayNode list = root.putArray("rows");
        for (ModeRow row : rows) {
            ObjectNode node = list.addObject()
                    .put("system", row.system())
                    .put("mode", row.mode().label())
                    .put("waitsFor", row.mode().waitsFor())
                    .put("setting", row.setting())
                    .put("figure", row.isFigure())
                    .put("errors", row.errors());
            number(node, "commitsPerSecond", row.commitsPerSecond());
            number(node, "latencyMsP50", row.latencyMsP50());
            number(node, "latencyMsP99", row.latencyMsP99());
            optional(node, "latencyP50Ratio", row.p50Ratio());
            optional(node, "latencyP99Ratio", row.p99Ratio());
            ArrayNode rounds = node.putArray("rounds");
            row.rounds().forEach(round -> figures(rounds.addObject(), round));
            ArrayNode problems = node.putArray("problems");
            row.problems().forEach(problems::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figures(ObjectNode node, CommitFigures figures) {
        node.put("commits", figures.commits()).put("errors", figures.errors());
        number(node, "commitsPerSecond", figures.commitsPerSecond());
        number(node, "latencyMsP50", figures.latencyMsP50());
        number(node, "latencyMsP99", figures.latencyMsP99());
    }

    /** A figure, or null where a run measured nothing (JSON has no NaN). */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static void optional(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
