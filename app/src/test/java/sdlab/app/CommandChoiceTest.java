package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CommandChoiceTest {

    /** Every command's help, and arguments that run, misspell, or give bad values and options. */
    static Stream<List<String>> arguments() {
        List<List<String>> all = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), all);
        all.forEach(words -> words.add("--help"));
        all.addAll(List.of(
                List.of(),
                List.of("run"),
                List.of("run", "quorm"),
                List.of("run", "quorum", "--bogus"),
                List.of("run", "quorum", "--n", "2"),
                List.of("run", "quorum", "--seeds", "2", "--json"),
                List.of("run", "quorum", "--seed", "3", "--variant", "n3r2w2", "--trace"),
                List.of("run", "--seeds", "2", "quorum"),
                List.of("list"),
                List.of("merge"),
                List.of("bench", "sweep", "--rounds", "zero"),
                List.of("chek", "history.json")));
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(new ArrayList<>(path));
        for (var sub : command.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            collect(sub.getValue(), next, into);
        }
    }

    /**
     * A CLI run registers only the command its arguments name; whatever the arguments, it must answer exactly as the
     * command line with every command does: the same exit code, output and errors (but for the wall-clock times that
     * progress lines print).
     */
    @ParameterizedTest
    @MethodSource("arguments")
    void theCommandLineForTheArgumentsAnswersAsTheWholeOneDoes(List<String> words) {
        String[] args = words.toArray(String[]::new);
        assertThat(runOn(Main.commandLine(args), args)).isEqualTo(runOn(Main.commandLine(), args));
    }

    private static List<Object> runOn(CommandLine cli, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        // Progress lines say how long the sweep took so far, the one thing two runs may not share.
        return List.of(exit, out.toString(), err.toString().replaceAll("\\d+\\.\\d+s\\b", "(time)"));
    }
}
