package sdlab.bench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.check.Verdict;

class OracleTimerTest {
    @TempDir
    Path work;

    /** A register written with 1 and read as 1: linearizable. */
    private static final String VALID_LOG =
            """
            INFO  jepsen.util - 0\t:invoke\t:write\t1
            INFO  jepsen.util - 0\t:ok\t:write\t1
            INFO  jepsen.util - 1\t:invoke\t:read\tnil
            INFO  jepsen.util - 1\t:ok\t:read\t1
            """;

    /** A read of 2 after the only write, of 1, completed: not linearizable. */
    private static final String INVALID_LOG =
            """
            INFO  jepsen.util - 0\t:invoke\t:write\t1
            INFO  jepsen.util - 0\t:ok\t:write\t1
            INFO  jepsen.util - 1\t:invoke\t:read\tnil
            INFO  jepsen.util - 1\t:ok\t:read\t2
            """;

    private OracleHistory history(String name, String text, boolean linearizable, double porcupineSeconds)
            throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, text);
        return new OracleHistory(
                "etcd/" + name, file, "cas-register", linearizable, OptionalDouble.of(porcupineSeconds));
    }

    @Test
    void theMedianOfTheTimedRunsIsKept() throws IOException {
        // With a clock that moves 1 ms per reading, each check lasts 1 ms, so the median is 1 ms.
        long[] now = {0};
        OracleTimer timer = new OracleTimer(() -> now[0] += 1_000_000, 2, 5);

        List<OracleTiming> timings = timer.time(List.of(history("a.log", VALID_LOG, true, 0.1)), line -> {});

        assertThat(timings).singleElement().satisfies(t -> {
            assertThat(t.medianNanos()).isEqualTo(1_000_000);
            assertThat(t.runs()).isEqualTo(5);
            assertThat(t.porcupineRatio()).hasValue(100.0);
        });
    }

    @Test
    void verdictsAreComparedWithTheirSources() throws IOException {
        // A valid and an invalid history get their verdicts; a wrong expectation is flagged, not hidden.
        OracleTimer timer = new OracleTimer(System::nanoTime, 0, 1);
        List<OracleHistory> histories = List.of(
                history("valid.log", VALID_LOG, true, 0),
                history("invalid.log", INVALID_LOG, false, 0),
                history("mislabelled.log", VALID_LOG, false, 0));

        List<OracleTiming> timings = timer.time(histories, line -> {});

        assertThat(timings)
                .extracting(OracleTiming::verdict)
                .containsExactly(Verdict.VALID, Verdict.INVALID, Verdict.VALID);
        assertThat(timings).extracting(OracleTiming::verdictAsExpected).containsExactly(true, true, false);
        assertThat(OracleTotals.of(timings).verdictsAsExpected()).isEqualTo(2);
    }

    @Test
    void porcupineFiguresBelowItsResolutionGiveNoRatio() throws IOException {
        // Porcupine's 0.00 s means under 5 ms: no per-history ratio, but the total still counts it.
        long[] now = {0};
        OracleTimer timer = new OracleTimer(() -> now[0] += 1_000_000, 0, 1);

        List<OracleTiming> timings = timer.time(
                List.of(history("slow.log", VALID_LOG, true, 0.41), history("fast.log", VALID_LOG, true, 0.0)),
                line -> {});
        OracleTotals totals = OracleTotals.of(timings);

        assertThat(timings.get(1).porcupineRatio()).isEmpty();
        assertThat(totals.histories()).isEqualTo(2);
        assertThat(totals.sdlabNanos()).isEqualTo(2_000_000);
        assertThat(totals.porcupineRatio()).isCloseTo(205.0, within(1e-9));
    }

    @Test
    void progressNamesEachPhase() throws IOException {
        // Long runs say what they are doing: the warm-up rounds, then each history.
        List<String> progress = new ArrayList<>();
        new OracleTimer(System::nanoTime, 1, 1).time(List.of(history("a.log", VALID_LOG, true, 0)), progress::add);

        assertThat(progress).containsExactly("warming up: round 1 of 1 over 1 histories", "timing etcd/a.log (1 of 1)");
    }
}
