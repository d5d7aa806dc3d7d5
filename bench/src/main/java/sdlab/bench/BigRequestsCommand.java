package sdlab.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.peer.BigRequestComparison;
import sdlab.bench.peer.RequiredTool;

/** {@code sdlab bench cache big-requests}: issue 11's large-request goals, beside redis-server in one run. */
@Command(
        name = "big-requests",
        mixinStandardHelpOptions = true,
        description = {
            "Start 'sdlab node cache' (a child JVM) and redis-server; send one huge SET as fast as possible while"
                    + " another client PINGs every 5 ms, then let a dozen clients each stream 400 MB into an"
                    + " unfinished $536870000 bulk. Prints the SET's time, PING's p99 and max, and each server's"
                    + " resident memory before, at its peak and after (from /proc/PID/status).",
            "Goal (issue 11): the SET within 2x redis-server's time, PING under 50 ms meanwhile; the attack"
                    + " bounded by maxmemory-clients (1gb on both sides) and memory back near its baseline after.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:a server failed", "2:bad option or a missing tool"})
final class BigRequestsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--set-mb",
            defaultValue = "256",
            description = "Size of the big SET's value in MiB (default: ${DEFAULT-VALUE}).")
    int setMib;

    @Option(
            names = "--appendonly",
            split = ",",
            defaultValue = "no,yes",
            description = "Persistence settings to measure the SET under, each with fresh servers (default:"
                    + " ${DEFAULT-VALUE}).")
    List<String> appendonly;

    @Option(
            names = "--attackers",
            defaultValue = "12",
            description = "Clients streaming unfinished bulks at once; 0 skips that part (default: ${DEFAULT-VALUE}).")
    int attackers;

    @Option(
            names = "--attack-mb",
            defaultValue = "400",
            description = "MiB each of them sends (default: ${DEFAULT-VALUE}).")
    int attackMib;

    @Option(
            names = "--settle-seconds",
            defaultValue = "30",
            description = "Seconds after the attackers leave before memory is read again (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(
            names = "--node-jvm-option",
            description = "An extra option for the node's JVM, e.g. -Xlog:gc:file=gc.log (repeatable).")
    List<String> nodeJvmOptions = List.of();

    @Option(
            names = "--keep-logs",
            paramLabel = "DIR",
            description = "Copy both servers' logs to DIR at the end (with --node-jvm-option=-Xlog:gc, the node's GC"
                    + " log among them).")
    Path logDir;

    @Mixin
    RoundsOption roundsOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        validate();
        BigRequestComparison.Settings settings = new BigRequestComparison.Settings(
                setMib << 20,
                roundsOption.validated(spec),
                appendonly,
                attackers,
                (long) attackMib << 20,
                settleSeconds,
                nodeJvmOptions,
                logDir);
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> missing = RequiredTool.missing(BigRequestComparison.TOOLS);
        if (missing.isPresent()) {
            err.println("sdlab bench cache big-requests: " + missing.get());
            err.flush();
            return PeerBench.EXIT_BAD_INPUT;
        }
        Machine start = Machine.now();
        BigRequestComparison.Results results;
        try {
            results = new BigRequestComparison(settings, new Progress(err, System::nanoTime)).run();
        } catch (IllegalStateException e) {
            err.println("sdlab bench cache big-requests: " + e.getMessage());
            err.flush();
            return PeerBench.EXIT_FAILED;
        }
        BigRequestsReport report = new BigRequestsReport(settings, start, Machine.now(), results);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return 0;
    }

    private void validate() {
        if (setMib < 1 || setMib > 511) {
            throw new ParameterException(spec.commandLine(), "--set-mb must be between 1 and 511, got " + setMib);
        }
        if (appendonly.isEmpty() || appendonly.stream().anyMatch(a -> !a.equals("no") && !a.equals("yes"))) {
            throw new ParameterException(spec.commandLine(), "--appendonly takes no, yes or no,yes");
        }
        if (attackers < 0 || attackers > 64) {
            throw new ParameterException(spec.commandLine(), "--attackers must be between 0 and 64, got " + attackers);
        }
        if (attackMib < 1 || attackMib > 511) {
            throw new ParameterException(spec.commandLine(), "--attack-mb must be between 1 and 511, got " + attackMib);
        }
        if (settleSeconds < 0 || settleSeconds > 600) {
            throw new ParameterException(
                    spec.commandLine(), "--settle-seconds must be between 0 and 600, got " + settleSeconds);
        }
    }
}
