package sdlab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.check.OracleFolder;
import sdlab.bench.check.OracleHistories;
import sdlab.bench.check.OracleHistory;
import sdlab.bench.check.OracleTimer;
import sdlab.bench.check.OracleTiming;
import sdlab.check.history.MalformedHistoryException;

/** {@code sdlab bench check}: the linearizability checker's time per Porcupine oracle history. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Time sdlab's linearizability checker on every Porcupine oracle history (etcd logs as a cas-register,"
                    + " kv files per key), in-process, and print each beside Porcupine's own time from"
                    + " PORCUPINE-TIMES.txt, with the total ratio.",
            "Parsing is not timed (Porcupine's figures exclude it). Every history is checked in warm-up rounds,"
                    + " then the median of --runs checks is reported.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every history was timed and got its expected verdict",
            "1:some history got a verdict other than its source's",
            "2:bad input (no oracle folder, a malformed file or option)"
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--oracles",
            paramLabel = "DIR",
            description = "The shared/oracles folder (or its porcupine subfolder). Default: ../shared/oracles beside"
                    + " the repository root (the directory with .git or the sdlab launcher) above the working"
                    + " directory or the sdlab installation.")
    Path oracles;

    @Option(
            names = "--runs",
            defaultValue = "21",
            description = "Timed checks per history; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--warmup-rounds",
            defaultValue = "5",
            description = "Untimed rounds over all histories first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--long",
            description = "Instead of the oracles: generate long register histories with little concurrency (valid,"
                    + " and with one violation at the end) as Jepsen history.edn files, and time reading and checking"
                    + " each, with the heap's peak use.")
    boolean longHistories;

    @Option(
            names = "--long-ops",
            split = ",",
            defaultValue = "100000,1000000",
            paramLabel = "N",
            description = "Operations per generated history (default: ${DEFAULT-VALUE}).")
    List<Integer> longOps;

    @Option(
            names = "--long-dir",
            paramLabel = "DIR",
            description = "Where the generated files go, kept for other checkers (default: a new temporary folder).")
    Path longDir;

    @Override
    public Integer call() {
        if (longHistories) {
            return new LongHistoriesBench(spec, longOps, longDir).run();
        }
        if (runs < 1 || runs > 10_000) {
            throw new ParameterException(spec.commandLine(), "--runs must be between 1 and 10000, got " + runs);
        }
        if (warmupRounds < 0 || warmupRounds > 1_000) {
            throw new ParameterException(
                    spec.commandLine(), "--warmup-rounds must be between 0 and 1000, got " + warmupRounds);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> candidates = OracleFolder.candidates(
                Optional.ofNullable(oracles), System.getProperty("sdlab.root"), OracleFolder.defaultStarts());
        Optional<Path> porcupine = OracleFolder.find(candidates);
        if (porcupine.isEmpty()) {
            return badInput(err, noOraclesMessage(candidates));
        }
        Machine machine = Machine.now();
        try {
            List<OracleHistory> histories = OracleHistories.load(porcupine.get());
            if (histories.isEmpty()) {
                return badInput(
                        err,
                        "no histories in " + porcupine.get() + " (expected etcd/etcd_NNN.log and kv/*-ok.txt"
                                + " or kv/*-bad.txt)");
            }
            List<OracleTiming> timings = new OracleTimer(System::nanoTime, warmupRounds, runs)
                    .time(histories, new Progress(err, System::nanoTime));
            CheckReport report = new CheckReport(machine, porcupine.get(), warmupRounds, runs, timings);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? report.json() : report.text());
            out.flush();
            return timings.stream().allMatch(OracleTiming::verdictAsExpected) ? 0 : 1;
        } catch (IOException | UncheckedIOException e) {
            return badInput(err, "cannot read the oracles in " + porcupine.get() + ": " + e.getMessage());
        } catch (IllegalArgumentException | MalformedHistoryException e) {
            return badInput(err, e.getMessage());
        }
    }

    private static String noOraclesMessage(List<Path> candidates) {
        String looked = candidates.isEmpty()
                ? "found no repository root (.git or the sdlab launcher) above the working directory"
                : "looked for " + OracleFolder.TIMES_FILE + " in "
                        + candidates.stream().map(Path::toString).collect(Collectors.joining(", "));
        return "no Porcupine oracles: " + looked
                + "; pass --oracles DIR, DIR being the shared/oracles folder that holds porcupine/";
    }

    private static int badInput(PrintWriter err, String message) {
        err.println("sdlab bench check: " + message);
        err.flush();
        return 2;
    }
}
