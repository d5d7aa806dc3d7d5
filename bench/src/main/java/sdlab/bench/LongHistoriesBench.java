package sdlab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import sdlab.bench.check.LongHistory;
import sdlab.bench.check.LongHistoryTimer;
import sdlab.bench.check.LongHistoryTimer.LongTiming;

/**
 * {@code sdlab bench check --long}: how the checker's time and memory grow with a history's
 * length when concurrency is low. Porcupine is not run here: this machine has no Go toolchain
 * and no registry that serves Porcupine; the files are kept so that it can be run on them
 * elsewhere.
 */
final class LongHistoriesBench {
    private static final int PROCESSES = 3;
    private static final long SEED = 12;
    private static final long TIMEOUT_SECONDS = 600;
    private static final int OPS_MAX = 10_000_000;

    private final CommandSpec spec;
    private final List<Integer> sizes;
    private final Path dir;

    LongHistoriesBench(CommandSpec spec, List<Integer> sizes, Path dir) {
        this.spec = spec;
        this.sizes = sizes;
        this.dir = dir;
    }

    int run() {
        for (int n : sizes) {
            if (n < 2 || n > OPS_MAX) {
                throw new ParameterException(spec.commandLine(), "--long-ops must be between 2 and " + OPS_MAX);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Machine machine = Machine.now();
        try {
            Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("sdlab-long-");
            LongHistoryTimer timer = new LongHistoryTimer(System::nanoTime, TIMEOUT_SECONDS);
            List<LongTiming> timings = new ArrayList<>();
            for (int n : sizes) {
                for (boolean violation : new boolean[] {false, true}) {
                    LongHistory history = new LongHistory(n, PROCESSES, violation, SEED);
                    Path file = folder.resolve(history.fileName());
                    history.write(file);
                    err.println("sdlab bench check: checking " + file);
                    err.flush();
                    timings.add(timer.time(history, file));
                }
            }
            out.print(report(machine, folder, timings));
            out.flush();
            return timings.stream().allMatch(LongTiming::verdictAsExpected) ? 0 : 1;
        } catch (IOException e) {
            err.println("sdlab bench check: cannot write the generated histories: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static String report(Machine machine, Path folder, List<LongTiming> timings) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Long register histories (%d processes, seed %d) in %s: read, parse and check, one run each.%n",
                PROCESSES,
                SEED,
                folder));
        text.append("Machine: ")
                .append(machine.describe())
                .append(", heap max ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB.\n\n");
        text.append(String.format(
                Locale.ROOT,
                "%-34s %8s %-8s %10s %14s %14s%n",
                "history",
                "MB",
                "verdict",
                "seconds",
                "peak heap MiB",
                "porcupine"));
        for (LongTiming t : timings) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-34s %8.1f %-8s %10.2f %14d %14s%s%n",
                    t.history().fileName(),
                    t.fileBytes() / 1e6,
                    t.verdict().name().toLowerCase(Locale.ROOT),
                    t.nanos() / 1e9,
                    t.peakHeapBytes() / (1024 * 1024),
                    "not run",
                    t.verdictAsExpected()
                            ? ""
                            : "  <- expected otherwise" + (t.reason() == null ? "" : ": " + t.reason())));
        }
        text.append("\nPorcupine: not run, since this machine has no Go toolchain and reaches no registry that serves")
                .append(
                        " Porcupine;\nthe files above are Jepsen history.edn files that it (or Knossos) can be run on elsewhere.\n");
        return text.toString();
    }
}
