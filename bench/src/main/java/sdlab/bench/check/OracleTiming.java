package sdlab.bench.check;

import java.util.Objects;
import java.util.OptionalDouble;
import sdlab.check.Verdict;

/**
 * How long sdlab's linearizability checker took on one oracle history.
 *
 * @param history the history
 * @param verdict the checker's verdict
 * @param medianNanos the median of the timed runs
 * @param minNanos the fastest timed run
 * @param runs how many runs were timed
 * @param steps search steps of one run
 */
public record OracleTiming(
        OracleHistory history, Verdict verdict, long medianNanos, long minNanos, int runs, long steps) {
    public OracleTiming {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(verdict, "verdict");
        assert runs > 0 && minNanos <= medianNanos;
    }

    /** Whether the verdict is the one the history's source gives. */
    public boolean verdictAsExpected() {
        return verdict == (history.linearizable() ? Verdict.VALID : Verdict.INVALID);
    }

    /**
     * Porcupine's time over sdlab's median: above 1 means sdlab is faster. Empty when Porcupine's
     * figure is missing or below its resolution (a printed 0.00 s), where no ratio means anything.
     */
    public OptionalDouble porcupineRatio() {
        OptionalDouble peer = history.porcupineSeconds();
        if (peer.isEmpty() || peer.getAsDouble() < PorcupineTimes.RESOLUTION_SECONDS || medianNanos == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(peer.getAsDouble() * 1e9 / medianNanos);
    }
}
