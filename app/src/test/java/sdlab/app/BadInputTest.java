package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {
    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(
                        new String[] {"run", "dcie"},
                        "no experiment named 'dcie'; did you mean 'dice'? 'sdlab list' shows them all"),
                Arguments.of(
                        new String[] {"run", "nothing-like-it", "--seeds", "3"},
                        "no experiment named 'nothing-like-it'; 'sdlab list' shows them all"),
                Arguments.of(
                        new String[] {"run"},
                        "name an experiment: 'sdlab run <experiment>'; 'sdlab list' shows them all"
                                + " (see 'sdlab run --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--sides", "99"},
                        "--sides must be an integer from 2 to 20, got '99' (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--pace", "fast"},
                        "--pace must be a duration from 1ms to 1s (a number and a unit: ns, us, ms, s, m or h), got"
                                + " 'fast' (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--cheat", "maybe"},
                        "--cheat must be true or false, got 'maybe' (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--seeds", "x"},
                        "Invalid value for option '--seeds': 'x' is not an int (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--seeds", "0"},
                        "--seeds must be from 1 to 10000000, got 0 (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--side", "3"},
                        "unknown option '--side'; did you mean --sides? 'sdlab run dice --help' lists the options"),
                Arguments.of(
                        new String[] {"run", "dice", "--trace"},
                        "--trace needs --seed S: a trace is of one seed (the replay commands in the report name the"
                                + " interesting ones) (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--variant", "three"},
                        "no variant named 'three' in dice; variants: one, two (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--seed", "3", "--seeds", "9"},
                        "--seed replays one seed; leave out --seeds and --first-seed (see 'sdlab run dice --help')"),
                Arguments.of(
                        new String[] {"run", "dice", "--sides"},
                        "Missing required parameter for option '--sides' (VALUE) (see 'sdlab run dice --help')"),
                Arguments.of(new String[] {"lsit"}, "unexpected argument 'lsit'; 'sdlab --help' shows the usage"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneLineThatSaysWhatToDoAndExitTwo(String[] args, String message) {
        // Never a stack trace or a page of usage: one line on standard error, nothing on standard output, exit 2.
        CommandLineRun run = CommandLineRun.of(args);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sdlab: " + message + "\n");
        assertThat(run.out()).isEmpty();
    }
}
