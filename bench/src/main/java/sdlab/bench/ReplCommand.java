package sdlab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.peer.Scratch;
import sdlab.bench.repl.MariaDbPair;
import sdlab.bench.repl.ModeRow;
import sdlab.bench.repl.PostgresPair;
import sdlab.bench.repl.ReplComparison;
import sdlab.bench.repl.ReplRunSettings;
import sdlab.bench.repl.ReplSystem;
import sdlab.bench.repl.SdlabRepl;
import sdlab.bench.repl.SdlabReplLauncher;
import sdlab.lab.DurationText;

/**
 * {@code sdlab bench repl}: commit latency of sdlab's replicated store beside MariaDB's and PostgreSQL's replication,
 * under the same closed-loop load, and each system's cost of waiting for a replica as a multiple of its own async. The
 * app registers it with the launcher of sdlab's cluster ({@link SdlabReplLauncher}).
 */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        description = {
            "Start sdlab's replicated store (cluster start repl --replicas 1), a MariaDB primary with a GTID replica"
                    + " and a PostgreSQL primary with a streaming standby, all on loopback with data in a temporary"
                    + " folder, and drive each with the same closed-loop load: --clients clients, each committing one"
                    + " single-row change at a time (SET on sdlab's RESP port, an UPDATE in autocommit on the"
                    + " databases).",
            "Modes: sdlab async, semi-sync after-sync and after-commit, sync remote-write, on and remote-apply;"
                    + " MariaDB async and semi-sync with either wait point; PostgreSQL synchronous_commit local, off,"
                    + " remote_write, on and remote_apply. Both databases sync at commit as sdlab's store does.",
            "Prints per system and mode commits/s, p50 and p99 commit latency, errors, and each latency over the"
                    + " same system's async (PostgreSQL: local) from the same rounds; the systems alternate order"
                    + " between rounds. A system whose programs are missing is skipped with a message. Figures"
                    + " depend on the machine; the report prints /proc/loadavg.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:measured, every row a figure",
            "1:a system failed, or some row had errors or a failed check (those rows are not figures)",
            "2:bad option, or no system can run here"
        })
public final class ReplCommand implements Callable<Integer> {
    static final List<String> SYSTEMS = List.of("sdlab", "mariadb", "postgresql");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--clients",
            defaultValue = "4",
            description = "Closed-loop clients, each one commit at a time (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--duration",
            defaultValue = "10s",
            description = "Measured time per system, mode and round (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--warmup",
            defaultValue = "5s",
            description = "Unmeasured time before each measurement; sdlab's nodes are fresh JVMs for every mode, and"
                    + " their JIT needs a few seconds (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
            names = "--systems",
            split = ",",
            defaultValue = "sdlab,mariadb,postgresql",
            description = "Systems to run, in this order in odd rounds (default: ${DEFAULT-VALUE}).")
    List<String> systems;

    @Mixin
    RoundsOption roundsOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private final SdlabReplLauncher launcher;

    /** The command, starting sdlab's clusters with {@code launcher}. */
    public ReplCommand(SdlabReplLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplRunSettings settings = settings();
        List<String> chosen = chosenSystems();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> skipped = skipped(chosen);
        skipped.forEach((name, reason) -> err.println("sdlab bench repl: skipping " + name + ": " + reason));
        List<String> running =
                chosen.stream().filter(name -> !skipped.containsKey(name)).toList();
        if (running.isEmpty()) {
            err.println("sdlab bench repl: no system can run here");
            err.flush();
            return PeerBench.EXIT_BAD_INPUT;
        }
        Machine start = Machine.now();
        String loadStart = loadavg();
        List<ReplSystem> started = new ArrayList<>();
        try (Scratch scratch = Scratch.create("sdlab-bench-repl-")) {
            try {
                for (String name : running) {
                    progress(err, "starting " + name);
                    started.add(startSystem(name, scratch.dir(), settings.clients()));
                }
                List<ModeRow> rows =
                        new ReplComparison(settings, line -> progress(err, line), System::nanoTime).run(started);
                ReplReport report = report(settings, started, skipped, loadStart, start, rows);
                PrintWriter out = spec.commandLine().getOut();
                out.print(json ? report.json() : report.text());
                out.flush();
                return rows.stream().allMatch(ModeRow::isFigure) ? 0 : PeerBench.EXIT_FAILED;
            } finally {
                // Even on failure no server outlives the bench, and each stops before its files are deleted.
                started.reversed().forEach(ReplSystem::close);
            }
        } catch (IllegalStateException e) {
            progress(err, e.getMessage());
            return PeerBench.EXIT_FAILED;
        }
    }

    private static void progress(PrintWriter err, String line) {
        err.println("sdlab bench repl: " + line);
        err.flush();
    }

    private ReplReport report(
            ReplRunSettings settings,
            List<ReplSystem> started,
            Map<String, String> skipped,
            String loadStart,
            Machine start,
            List<ModeRow> rows) {
        Map<String, String> described = new LinkedHashMap<>();
        started.forEach(system -> described.put(system.name(), system.describe()));
        return new ReplReport(title(settings), described, skipped, loadStart, loadavg(), start, rows);
    }

    private ReplSystem startSystem(String name, Path dir, int clientCount) {
        return switch (name) {
            case "sdlab" -> new SdlabRepl(launcher, dir);
            case "mariadb" -> MariaDbPair.start(dir, clientCount);
            case "postgresql" -> PostgresPair.start(dir, clientCount);
            default -> throw new IllegalArgumentException("unknown system " + name);
        };
    }

    /** The systems that cannot run here, with the reason, in the order asked. */
    private Map<String, String> skipped(List<String> chosen) {
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String name : chosen) {
            Optional<String> reason =
                    switch (name) {
                        case "sdlab" ->
                            launcher == null
                                    ? Optional.of("this build has no cluster launcher; run it as 'sdlab bench repl'")
                                    : Optional.empty();
                        case "mariadb" -> MariaDbPair.missing();
                        case "postgresql" -> PostgresPair.missing();
                        default -> Optional.empty();
                    };
            reason.ifPresent(r -> skipped.put(name, r));
        }
        return skipped;
    }

    private List<String> chosenSystems() {
        List<String> chosen = new ArrayList<>();
        for (String name : systems) {
            String normal = name.trim().toLowerCase(Locale.ROOT);
            if (!SYSTEMS.contains(normal)) {
                throw new ParameterException(
                        spec.commandLine(), "--systems takes " + String.join(", ", SYSTEMS) + ", got '" + name + "'");
            }
            if (chosen.contains(normal)) {
                throw new ParameterException(spec.commandLine(), "--systems names " + normal + " twice");
            }
            chosen.add(normal);
        }
        return chosen;
    }

    private static String title(ReplRunSettings settings) {
        return String.format(
                Locale.ROOT,
                "sdlab bench repl: %d closed-loop clients, one single-row commit at a time each; %s warm-up + %s"
                        + " measured per system and mode; %d rounds, the systems' order alternating.",
                settings.clients(),
                DurationText.format(settings.warmup()),
                DurationText.format(settings.duration()),
                settings.rounds());
    }

    ReplRunSettings settings() {
        if (clients < 1 || clients > 128) {
            throw new ParameterException(spec.commandLine(), "--clients must be between 1 and 128, got " + clients);
        }
        return new ReplRunSettings(
                clients,
                duration("--warmup", warmup, Duration.ZERO),
                duration("--duration", duration, Duration.ofMillis(100)),
                roundsOption.validated(spec));
    }

    private Duration duration(String option, String text, Duration min) {
        Duration parsed = DurationText.parse(text)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), option + " needs a duration such as 10s or 500ms, got '" + text + "'"));
        if (parsed.compareTo(min) < 0 || parsed.compareTo(Duration.ofHours(1)) > 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    option + " must be between " + DurationText.format(min) + " and 1h, got '" + text + "'");
        }
        return parsed;
    }

    /** {@code /proc/loadavg} as it reads, or "unknown" where there is none. */
    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
