package sdlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParamTest {
    enum Mode {
        STRICT,
        SLOPPY,
        READ_COMMITTED
    }

    static final Param<Integer> R = Param.integer("r", "read quorum", 2, 1, 9);
    static final Param<Double> LOSS = Param.decimal("loss", "message loss rate", 0.01, 0, 0.5);
    static final Param<Boolean> HINTS = Param.flag("hints", "hinted handoff", false);
    static final Param<Mode> MODE = Param.choice("mode", "quorum mode", Mode.class, Mode.STRICT);
    static final Param<Duration> TIMEOUT = Param.duration(
            "timeout", "request timeout", Duration.ofMillis(250), Duration.ofMillis(10), Duration.ofSeconds(5));

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                Arguments.of(R, "x", "--r must be an integer from 1 to 9, got 'x'"),
                Arguments.of(R, "10", "--r must be an integer from 1 to 9, got '10'"),
                Arguments.of(R, "2.5", "--r must be an integer from 1 to 9, got '2.5'"),
                Arguments.of(LOSS, "0.7", "--loss must be a number from 0 to 0.5, got '0.7'"),
                Arguments.of(LOSS, "NaN", "--loss must be a number from 0 to 0.5, got 'NaN'"),
                Arguments.of(LOSS, "1d", "--loss must be a number from 0 to 0.5, got '1d'"),
                Arguments.of(HINTS, "yes", "--hints must be true or false, got 'yes'"),
                Arguments.of(MODE, "lax", "--mode must be one of strict|sloppy|read_committed, got 'lax'"),
                Arguments.of(
                        TIMEOUT,
                        "5",
                        "--timeout must be a duration from 10ms to 5s (a number and a unit: ns, us, ms, s, m or h),"
                                + " got '5'"),
                Arguments.of(
                        TIMEOUT,
                        "1m",
                        "--timeout must be a duration from 10ms to 5s (a number and a unit: ns, us, ms, s, m or h),"
                                + " got '1m'"));
    }

    @ParameterizedTest
    @MethodSource("rejectedValues")
    void aBadValueIsRejectedWithAMessageThatSaysWhatIsAllowed(Param<?> param, String text, String message) {
        // Each kind of parameter names itself, what it accepts and what it got.
        assertThatThrownBy(() -> param.parse(text))
                .isInstanceOf(ParamException.class)
                .hasMessage(message);
    }

    @Test
    void goodValuesParseToTheirTypes() {
        // Parsing is lenient about case and surrounding spaces, strict about everything else.
        assertThat(R.parse(" 9 ")).isEqualTo(9);
        assertThat(LOSS.parse("0.25")).isEqualTo(0.25);
        assertThat(LOSS.parse(".5")).isEqualTo(0.5);
        assertThat(HINTS.parse("TRUE")).isTrue();
        assertThat(MODE.parse("Sloppy")).isEqualTo(Mode.SLOPPY);
        assertThat(MODE.parse("read-committed")).isEqualTo(Mode.READ_COMMITTED);
        assertThat(TIMEOUT.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TIMEOUT.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(TIMEOUT.parse("10000us")).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void formattedValuesParseBackToTheSameValue() {
        // A replay command writes values with format(); parse() must read them back exactly.
        assertThat(LOSS.format(0.0001)).isEqualTo("0.0001");
        assertThat(LOSS.parse(LOSS.format(0.0001))).isEqualTo(0.0001);
        assertThat(TIMEOUT.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(TIMEOUT.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(MODE.format(Mode.READ_COMMITTED)).isEqualTo("read_committed");
        assertThat(MODE.parse(MODE.format(Mode.READ_COMMITTED))).isEqualTo(Mode.READ_COMMITTED);
    }

    @Test
    void rangeTextIsShort() {
        // Help texts show ranges in a few characters.
        assertThat(List.of(R, LOSS, HINTS, MODE, TIMEOUT).stream().map(Param::rangeText))
                .containsExactly("1..9", "0..0.5", "true|false", "strict|sloppy|read_committed", "10ms..5s");
    }

    @Test
    void aDefaultOutsideItsRangeIsAProgrammingError() {
        // Experiments are checked when they declare parameters, not when a user first hits the problem.
        assertThatThrownBy(() -> Param.integer("n", "replicas", 0, 1, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--n");
        assertThatThrownBy(() -> Param.integer("Bad Name", "x", 1, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paramValuesStartAtTheDefaultsAndReportOnlyChangesForReplay() {
        // with() parses and returns a new set; nonDefaults() is what a replay command must repeat.
        ParamValues defaults = ParamValues.defaults(List.of(R, LOSS, MODE, TIMEOUT));
        ParamValues changed = defaults.with(R, "3").with(TIMEOUT, "2s").with(LOSS, "0.01");

        assertThat(defaults.get(R)).isEqualTo(2);
        assertThat(changed.get(R)).isEqualTo(3);
        assertThat(changed.get(MODE)).isEqualTo(Mode.STRICT);
        assertThat(changed.nonDefaults()).containsExactly(Map.entry("r", "3"), Map.entry("timeout", "2s"));
        assertThat(changed.asMap().keySet()).containsExactly("r", "loss", "mode", "timeout");
        assertThatThrownBy(() -> defaults.with(R, "0")).isInstanceOf(ParamException.class);
    }

    @Test
    void aParameterThatIsNotDeclaredIsRejected() {
        // Reading a parameter the experiment did not declare is a programming error, caught at once.
        ParamValues values = ParamValues.defaults(List.of(R));
        assertThatThrownBy(() -> values.get(LOSS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParamValues.defaults(List.of(R, R))).hasMessageContaining("two parameters");
    }

    @Test
    void variantSettingsKeepAStableOrder() {
        // Map.of iterates in an order that changes between JVMs; reports must not, so such maps are sorted.
        Variant variant = new Variant("R2W2", "quorums overlap", Map.of("w", 2, "r", 2, "n", 3));
        assertThat(variant.settings().keySet()).containsExactly("n", "r", "w");
        assertThatThrownBy(() -> Variant.of("two words", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
