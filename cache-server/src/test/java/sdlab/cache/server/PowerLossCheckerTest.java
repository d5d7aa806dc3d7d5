package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The power-loss checker on hand-written histories: what it accepts and what it names. */
class PowerLossCheckerTest {
    private static final long MS = 1_000_000;
    /** c:0 acknowledged 1.5 s before the cut, c:1 0.5 s before, c:2 after it (a reply a real cut never lets out). */
    private static final PowerLossHistory HISTORY = new PowerLossHistory(
            List.of(new PowerLossHistory.ClientWrites("c", List.of(500 * MS, 1500 * MS, 2500 * MS), 4)), 2000 * MS);

    @Test
    void writesAfterTheCutAndInFlightMayBeKeptOrLost() {
        // Keeping c:0 and c:1 is all that always promises; c:2 and the in-flight c:3 may go either way.
        assertThat(PowerLossChecker.check(HISTORY, Map.of("c:0", "v0", "c:1", "v1"), 0)
                        .valid())
                .isTrue();
        assertThat(PowerLossChecker.check(HISTORY, Map.of("c:0", "v0", "c:1", "v1", "c:2", "v2", "c:3", "v3"), 0)
                        .valid())
                .isTrue();
    }

    @Test
    void aLostAcknowledgedWriteIsNamedWithItsAge() {
        // Under always, losing c:1 is a violation; a one-second window allows it, not the loss of c:0 too.
        PowerLossChecker.Verdict always = PowerLossChecker.check(HISTORY, Map.of("c:0", "v0"), 0);
        assertThat(always.valid()).isFalse();
        assertThat(always.explanation())
                .contains(
                        "1 of 2 writes acknowledged before the power cut lost",
                        "c:1 acknowledged 500 ms before the cut");
        assertThat(PowerLossChecker.check(HISTORY, Map.of("c:0", "v0"), 1000).valid())
                .isTrue();
        assertThat(PowerLossChecker.check(HISTORY, Map.of(), 1000).explanation())
                .contains("1 acknowledged writes lost that were acknowledged more than 1000 ms before the cut");
    }

    @Test
    void aHoleInTheLogOrAValueNeverWrittenIsInvalidWhateverTheWindow() {
        // The file is a log: it may lose its tail, never a write from its middle.
        assertThat(PowerLossChecker.check(HISTORY, Map.of("c:1", "v1"), Long.MAX_VALUE)
                        .explanation())
                .contains("c:1 survived but c:0, written before it, did not");
        assertThat(PowerLossChecker.check(HISTORY, Map.of("c:0", "v9"), Long.MAX_VALUE)
                        .valid())
                .isFalse();
    }
}
