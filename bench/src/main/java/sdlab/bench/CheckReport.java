package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import sdlab.bench.check.OracleTiming;
import sdlab.bench.check.OracleTotals;
import sdlab.bench.check.PorcupineTimes;

/** The checker benchmark's report: one line per history and the totals, as a table or JSON. */
record CheckReport(Machine machine, Path porcupine, int warmupRounds, int runs, List<OracleTiming> timings) {
    private static final double NANOS_PER_MILLI = 1e6;

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(format(
                "Linearizability checker on %s: median of %d runs after %d warm-up rounds, parsing excluded.%n",
                porcupine, runs, warmupRounds));
        text.append("Machine: ").append(machine.describe()).append(".\n\n");
        text.append(format(
                "%-22s %-12s %-8s %10s %12s %14s %10s%n",
                "history", "model", "verdict", "sdlab ms", "porcupine ms", "porcupine/sdlab", "steps"));
        for (OracleTiming timing : timings) {
            text.append(format(
                    "%-22s %-12s %-8s %10.3f %12s %14s %10d%s%n",
                    timing.history().name(),
                    timing.history().model(),
                    timing.verdict().name().toLowerCase(Locale.ROOT),
                    timing.medianNanos() / NANOS_PER_MILLI,
                    peerMillis(timing),
                    ratio(timing.porcupineRatio()),
                    timing.steps(),
                    timing.verdictAsExpected() ? "" : "  <- expected " + expected(timing)));
        }
        OracleTotals totals = OracleTotals.of(timings);
        text.append(format(
                "%-22s %-12s %-8s %10.3f %12.0f %13.1fx%n",
                "total (" + totals.histories() + ")",
                "",
                "",
                totals.sdlabNanos() / NANOS_PER_MILLI,
                totals.porcupineSeconds() * 1000,
                totals.porcupineRatio()));
        text.append(format(
                "%nVerdicts as their sources give them: %d of %d. Porcupine prints 0.00 s for anything under 5 ms,"
                        + " so its small figures bound rather than measure; the total compares the same histories.%n",
                totals.verdictsAsExpected(), totals.timed()));
        return text.toString();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "check");
        root.put("cores", machine.cores());
        root.put("loadAverage", machine.loadAverage());
        root.put("java", machine.javaVersion());
        root.put("oracles", porcupine.toString());
        root.put("warmupRounds", warmupRounds);
        root.put("runs", runs);
        var histories = root.putArray("histories");
        for (OracleTiming timing : timings) {
            ObjectNode node = histories
                    .addObject()
                    .put("name", timing.history().name())
                    .put("model", timing.history().model())
                    .put("verdict", timing.verdict().name().toLowerCase(Locale.ROOT))
                    .put("expectedVerdict", expected(timing))
                    .put("msMedian", timing.medianNanos() / NANOS_PER_MILLI)
                    .put("msMin", timing.minNanos() / NANOS_PER_MILLI)
                    .put("steps", timing.steps());
            timing.history().porcupineSeconds().ifPresent(s -> node.put("porcupineMs", s * 1000));
            timing.porcupineRatio().ifPresent(r -> node.put("porcupineRatio", r));
        }
        OracleTotals totals = OracleTotals.of(timings);
        root.putObject("total")
                .put("histories", totals.histories())
                .put("msSdlab", totals.sdlabNanos() / NANOS_PER_MILLI)
                .put("msPorcupine", totals.porcupineSeconds() * 1000)
                .put("porcupineRatio", totals.porcupineRatio())
                .put("verdictsAsExpected", totals.verdictsAsExpected())
                .put("timed", totals.timed());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expected(OracleTiming timing) {
        return timing.history().linearizable() ? "valid" : "invalid";
    }

    private static String peerMillis(OracleTiming timing) {
        OptionalDouble seconds = timing.history().porcupineSeconds();
        if (seconds.isEmpty()) {
            return "-";
        }
        return seconds.getAsDouble() < PorcupineTimes.RESOLUTION_SECONDS
                ? "<5"
                : format("%.0f", seconds.getAsDouble() * 1000);
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? format("%.1fx", ratio.getAsDouble()) : "-";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
