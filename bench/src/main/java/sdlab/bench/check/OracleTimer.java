package sdlab.bench.check;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import sdlab.check.history.HistoryParser;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Models;
import sdlab.core.history.History;

/**
 * Times sdlab's linearizability checker on oracle histories, in-process, the way Porcupine's
 * figures were taken: each history is parsed once, outside the timing (Porcupine's times
 * exclude parsing too); every history is checked {@code warmUpRounds} times so the JIT has
 * compiled the search; then each is checked {@code runs} times and the median is kept, which a
 * stray garbage collection or a neighbour's build on a shared machine moves less than a mean.
 */
public final class OracleTimer {
    private final LongSupplier clockNanos;
    private final int warmUpRounds;
    private final int runs;

    /** A timer reading {@code clockNanos} ({@code System::nanoTime} in real use). */
    public OracleTimer(LongSupplier clockNanos, int warmUpRounds, int runs) {
        if (warmUpRounds < 0 || runs < 1) {
            throw new IllegalArgumentException(
                    "need at least one timed run and no negative warm-up, got " + runs + " and " + warmUpRounds);
        }
        this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
        this.warmUpRounds = warmUpRounds;
        this.runs = runs;
    }

    /**
     * Times every history; {@code progress} hears a line as each phase and history starts.
     *
     * @throws IOException if a history cannot be read
     * @throws sdlab.check.history.MalformedHistoryException if one cannot be parsed
     */
    public List<OracleTiming> time(List<OracleHistory> histories, Consumer<String> progress) throws IOException {
        List<History> parsed = new ArrayList<>(histories.size());
        for (OracleHistory history : histories) {
            parsed.add(HistoryParser.parse(Files.readString(history.file())));
        }
        for (int round = 1; round <= warmUpRounds; round++) {
            progress.accept(
                    "warming up: round " + round + " of " + warmUpRounds + " over " + histories.size() + " histories");
            for (int i = 0; i < histories.size(); i++) {
                check(histories.get(i), parsed.get(i));
            }
        }
        List<OracleTiming> timings = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            progress.accept("timing " + histories.get(i).name() + " (" + (i + 1) + " of " + histories.size() + ")");
            timings.add(time(histories.get(i), parsed.get(i)));
        }
        return timings;
    }

    private OracleTiming time(OracleHistory history, History parsed) {
        long[] nanos = new long[runs];
        LinearizabilityResult result = null;
        for (int run = 0; run < runs; run++) {
            long start = clockNanos.getAsLong();
            result = check(history, parsed);
            nanos[run] = clockNanos.getAsLong() - start;
        }
        Arrays.sort(nanos);
        return new OracleTiming(history, result.verdict(), nanos[runs / 2], nanos[0], runs, result.steps());
    }

    /** One unlimited check of {@code parsed} against the history's model. */
    public static LinearizabilityResult check(OracleHistory history, History parsed) {
        return Linearizability.check(
                parsed,
                Models.byName(history.model())
                        .orElseThrow(() -> new IllegalArgumentException("no model named " + history.model())),
                CheckLimits.unlimited());
    }
}
