package sdlab.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.coord.ConnectedEnsemble;
import sdlab.bench.coord.CoordComparison;
import sdlab.bench.coord.CoordOp;
import sdlab.bench.coord.CoordRow;
import sdlab.bench.coord.CoordSettings;
import sdlab.bench.coord.Ensemble;
import sdlab.bench.coord.SdlabLaunchers;
import sdlab.bench.coord.ZooKeeperEnsemble;
import sdlab.bench.peer.Scratch;
import sdlab.lab.DurationText;

/**
 * {@code sdlab bench coord}: sdlab's coordination service and a real ZooKeeper 3.9.5 ensemble under
 * the same ZooKeeper-client load, in one run. The app registers it with the sdlab launchers it
 * knows ({@link SdlabLaunchers}), since a replicated coord cluster is started by the cluster code.
 */
@Command(
        name = "coord",
        mixinStandardHelpOptions = true,
        description = {
            "Start sdlab's coordination service and a 3-server ZooKeeper 3.9.5 ensemble (one JVM per server,"
                    + " forceSync=yes) on loopback, load both with the ZooKeeper Java client (create, setData,"
                    + " getData; sessions spread over the servers, a bounded number of requests in flight each), and"
                    + " print throughput, p50 and p99 side by side with their ratios.",
            "Goal (issue 14): at least ZooKeeper's throughput, p99 within 1.5x.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:measured, every request answered",
            "1:a server failed, or some request failed (those rows are not figures)",
            "2:bad option"
        })
public final class CoordCommand implements Callable<Integer> {
    private static final int ZOOKEEPER_SERVERS = 3;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "ZooKeeper sessions, spread round-robin over the servers (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--outstanding",
            defaultValue = "8",
            description = "Requests each session keeps in flight (default: ${DEFAULT-VALUE}).")
    int outstanding;

    @Option(
            names = "--duration",
            defaultValue = "10s",
            description = "Measured time per phase (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--warmup",
            defaultValue = "2s",
            description = "Unmeasured time before every phase (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
            names = "--value-size",
            defaultValue = "128",
            description = "Bytes of data per create and setData (default: ${DEFAULT-VALUE}).")
    int valueBytes;

    @Option(
            names = "--ops",
            split = ",",
            defaultValue = "create,setData,getData",
            description = "Operations, each a phase, in this order (default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(
            names = "--sdlab-nodes",
            defaultValue = "3",
            description =
                    "sdlab nodes to start: 3 is 'sdlab cluster start coord --nodes 3' (Raft), 1 is 'sdlab node coord'"
                            + " (default: ${DEFAULT-VALUE}).")
    int sdlabNodes;

    @Option(
            names = "--sdlab-connect",
            paramLabel = "host:port,...",
            description = "Bench a running sdlab ensemble instead of starting one (the run's nodes stay, under"
                    + " /sdlab-bench-coord-<time>).")
    String sdlabConnect;

    @Option(
            names = "--zk-connect",
            paramLabel = "host:port,...",
            description = "Bench a running ZooKeeper ensemble instead of starting three servers (the run's nodes"
                    + " stay, under /sdlab-bench-coord-<time>).")
    String zooKeeperConnect;

    @Mixin
    RoundsOption roundsOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private final SdlabLaunchers launchers;

    /** The command with the sdlab ensembles {@code launchers} can start. */
    public CoordCommand(SdlabLaunchers launchers) {
        this.launchers = launchers;
    }

    @Override
    public Integer call() {
        CoordSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, System::nanoTime);
        // Both sides are resolved, and their options checked, before anything starts.
        SdlabLaunchers.Launcher sdlabSide = sdlabSide();
        SdlabLaunchers.Launcher zooKeeperSide = zooKeeperConnect == null
                ? scratch -> ZooKeeperEnsemble.start(ZOOKEEPER_SERVERS, scratch, progress)
                : running(connected("--zk-connect", "ZooKeeper", zooKeeperConnect));
        Machine start = Machine.now();
        CoordReport report;
        try (Scratch scratch = Scratch.create("sdlab-bench-coord-");
                Ensemble sdlab = sdlabSide.start(scratch);
                Ensemble zooKeeper = zooKeeperSide.start(scratch)) {
            List<CoordRow> rows = new CoordComparison(settings, progress).run(sdlab, zooKeeper);
            report = new CoordReport(
                    title(settings),
                    sdlab.describe(),
                    zooKeeper.describe(),
                    start,
                    Machine.now(),
                    new PeerReport.Goal(1.0, 1.5),
                    rows);
        } catch (IllegalStateException e) {
            err.println("sdlab bench coord: " + e.getMessage());
            err.flush();
            return PeerBench.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PeerBench.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return report.rows().stream().allMatch(CoordRow::isFigure) ? 0 : PeerBench.EXIT_FAILED;
    }

    private SdlabLaunchers.Launcher sdlabSide() {
        if (sdlabConnect == null) {
            return launcher();
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--sdlab-nodes")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--sdlab-nodes starts an ensemble and --sdlab-connect uses a running one: give one");
        }
        return running(connected("--sdlab-connect", "sdlab", sdlabConnect));
    }

    private static SdlabLaunchers.Launcher running(ConnectedEnsemble ensemble) {
        return scratch -> ensemble;
    }

    private static String title(CoordSettings settings) {
        return String.format(
                Locale.ROOT,
                "sdlab bench coord: %s through the ZooKeeper client; %d sessions x %d in flight, %d-byte values;"
                        + " %s warm-up + %s measured per phase; medians of %d alternating rounds per side.",
                String.join(", ", settings.ops().stream().map(CoordOp::wireName).toList()),
                settings.clients(),
                settings.outstanding(),
                settings.valueBytes(),
                DurationText.format(settings.warmup()),
                DurationText.format(settings.duration()),
                settings.rounds());
    }

    private SdlabLaunchers.Launcher launcher() {
        try {
            return launchers.forNodes(sdlabNodes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sdlab-nodes " + sdlabNodes + ": " + e.getMessage());
        }
    }

    private ConnectedEnsemble connected(String option, String name, String servers) {
        try {
            return ConnectedEnsemble.of(name, servers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private CoordSettings settings() {
        range("--clients", clients, 1, 10_000);
        range("--outstanding", outstanding, 1, 10_000);
        // ZooKeeper refuses packets above jute.maxbuffer (1 MiB by default), headers included.
        range("--value-size", valueBytes, 0, 1_000_000);
        List<CoordOp> parsed = new ArrayList<>();
        for (String name : ops) {
            parsed.add(CoordOp.named(name)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "--ops takes " + CoordOp.names() + ", got '" + name + "'")));
        }
        return new CoordSettings(
                clients,
                outstanding,
                duration("--warmup", warmup, Duration.ZERO),
                duration("--duration", duration, Duration.ofMillis(100)),
                valueBytes,
                parsed,
                roundsOption.validated(spec));
    }

    private void range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    spec.commandLine(), option + " must be between " + min + " and " + max + ", got " + value);
        }
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
}
