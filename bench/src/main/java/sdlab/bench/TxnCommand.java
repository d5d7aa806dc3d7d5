package sdlab.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.txn.TxnCheckTimer;
import sdlab.bench.txn.TxnCheckTimer.Timing;

/**
 * {@code sdlab bench txn}: the transactional anomaly checker ({@code sdlab check --model
 * list-append}) on generated list-append histories of growing length, with time and peak heap,
 * beside Elle's published figure as the anchor: about 22 million transactions in about two
 * minutes (Kingsbury and Alvaro, VLDB 2020), i.e. roughly 180,000 transactions a second, on
 * their machine. Run: {@code ./sdlab bench txn --txns 10000,100000,1000000}.
 */
@Command(
        name = "txn",
        mixinStandardHelpOptions = true,
        description = {
            "Time the transactional anomaly checker (list-append) on generated histories of each size: a strict"
                    + " serializable store (the common case: no cycles), up to --parsed-max parsed from EDN too, and, up to"
                    + " --interleaved-max, a store without"
                    + " isolation (cycles everywhere). Prints seconds, transactions per second and peak heap, beside"
                    + " Elle's published anchor (about 22 million transactions in about two minutes).",
            "Histories are generated in memory (not timed); the parse+check rows also parse them from Jepsen EDN text.",
        })
final class TxnCommand implements Callable<Integer> {
    /** Elle's published anchor: transactions and seconds. */
    private static final double ELLE_TXNS = 22e6;

    private static final double ELLE_SECONDS = 120;
    private static final int TXNS_MAX = 20_000_000;
    private static final int WARMUP_TXNS = 100_000;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--txns",
            split = ",",
            defaultValue = "10000,100000,1000000",
            paramLabel = "N",
            description = "History sizes in transactions (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--processes", defaultValue = "10", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int processes;

    @Option(
            names = "--interleaved-max",
            defaultValue = "100000",
            paramLabel = "N",
            description =
                    "Also time histories from a store without isolation up to this size (default: ${DEFAULT-VALUE}).")
    int interleavedMax;

    @Option(
            names = "--parsed-max",
            defaultValue = "1000000",
            paramLabel = "N",
            description =
                    "Also time parsing the strict serializable history from Jepsen EDN text, then checking it, up to"
                            + " this size (default: ${DEFAULT-VALUE}).")
    int parsedMax;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Timed checks per history; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "19", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        for (int n : sizes) {
            if (n < 1 || n > TXNS_MAX) {
                throw new ParameterException(spec.commandLine(), "--txns must be between 1 and " + TXNS_MAX);
            }
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        if (processes < 1) {
            throw new ParameterException(spec.commandLine(), "--processes must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        Machine machine = Machine.now();
        TxnCheckTimer timer = new TxnCheckTimer(System::nanoTime);
        // JIT warm-up, not reported: both paths, a size large enough for the compiler to finish.
        timer.time(Math.min(WARMUP_TXNS, sizes.getFirst()), processes, false, true, 3, seed);
        List<Timing> timings = new ArrayList<>();
        for (int n : sizes) {
            err.println("sdlab bench txn: " + n + " transactions");
            err.flush();
            timings.add(timer.time(n, processes, false, false, runs, seed));
            if (n <= parsedMax) {
                timings.add(timer.time(n, processes, false, true, runs, seed));
            }
            if (n <= interleavedMax) {
                timings.add(timer.time(n, processes, true, false, runs, seed));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(machine, timings));
        out.flush();
        return 0;
    }

    private String report(Machine machine, List<Timing> timings) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "List-append histories (%d processes, seed %d), median of %d runs after a warm-up. 'input MiB' is what"
                        + " the input holds (the history, or its EDN text); 'peak MiB' the heap's peak during a run.%n",
                processes,
                seed,
                runs));
        text.append("Machine: ")
                .append(machine.describe())
                .append(", heap max ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB.\n\n");
        text.append(String.format(
                Locale.ROOT,
                "%10s %-13s %-11s %11s %9s %9s %12s %12s %12s%n",
                "txns",
                "store",
                "timed",
                "edges",
                "anomalies",
                "seconds",
                "txns/s",
                "input MiB",
                "peak MiB"));
        for (Timing t : timings) {
            double seconds = t.nanos() / 1e9;
            text.append(String.format(
                    Locale.ROOT,
                    "%10d %-13s %-11s %11d %9d %9.2f %12.0f %12d %12d%n",
                    t.txns(),
                    t.interleaved() ? "no isolation" : "serializable",
                    t.parsed() ? "parse+check" : "check",
                    t.edges(),
                    t.anomalies(),
                    seconds,
                    t.txns() / seconds,
                    t.inputHeapBytes() / (1024 * 1024),
                    t.peakHeapBytes() / (1024 * 1024)));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nElle (published, their machine): %.0f transactions in about %.0f s, about %.0f txns/s.%n",
                ELLE_TXNS,
                ELLE_SECONDS,
                ELLE_TXNS / ELLE_SECONDS));
        return text.toString();
    }
}
