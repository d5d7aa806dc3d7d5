package sdlab.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.peer.GatewayComparison;
import sdlab.bench.peer.ProxySetup;

/** {@code sdlab bench gateway}: sdlab's gateway beside nginx, same upstreams, in one run. */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = {
            "Start two 'sdlab node echo' backends, then 'sdlab node gateway' (a child JVM) and nginx in front of"
                    + " them with the same keep-alive settings, on free loopback ports; load both with wrk"
                    + " (HTTP/1.1) and h2load (h2c), with rate limiting off and then on (a limit far above the"
                    + " offered load, so it runs on every request and denies none).",
            "Goal (issue 5): at least 0.8x nginx's throughput, p99 within 1.5x.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:a server or load tool failed", "2:bad option or a missing tool"})
final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--seconds",
            defaultValue = "6",
            description = "Seconds of each measured run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "8",
            description = "Untimed seconds of wrk and then of h2load per proxy and mode first, done twice; the"
                    + " gateway's JIT needs about half a minute of load (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "wrk and h2load threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--connections", defaultValue = "64", description = "wrk connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--h2-clients",
            defaultValue = "16",
            description = "h2load connections (default: ${DEFAULT-VALUE}).")
    int h2Clients;

    @Option(
            names = "--h2-streams",
            defaultValue = "10",
            description = "h2load concurrent streams per connection (default: ${DEFAULT-VALUE}).")
    int h2Streams;

    @Mixin
    RoundsOption roundsOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        validate();
        int rounds = roundsOption.validated(spec);
        var settings = new GatewayComparison.Settings(
                seconds, warmupSeconds, threads, connections, h2Clients, h2Streams, rounds);
        return PeerBench.run(
                spec,
                GatewayComparison.TOOLS,
                progress -> new GatewayComparison(settings, progress).run(),
                (start, rows) -> new PeerReport(
                        "gateway",
                        String.format(
                                Locale.ROOT,
                                "Gateway vs nginx, two echo backends, pooled keep-alive upstreams: wrk -t%d -c%d -d%ds"
                                        + " --latency; h2load -c%d -m%d -D %d (h2c); medians of %d alternating runs"
                                        + " per proxy.",
                                threads,
                                connections,
                                seconds,
                                h2Clients,
                                h2Streams,
                                seconds,
                                rounds),
                        "nginx",
                        start,
                        Machine.now(),
                        new PeerReport.Goal(0.8, 1.5),
                        rows,
                        List.of(
                                "Both proxies forward the client's Host, X-Forwarded-For and X-Forwarded-Proto, so"
                                        + " the backends answer both with the same bytes.",
                                String.format(
                                        Locale.ROOT,
                                        "limit on: a token bucket (sdlab) / limit_req (nginx) per client address"
                                                + " allowing %,d requests/s with an equal burst.",
                                        ProxySetup.RATE_LIMIT_PER_SECOND))),
                json);
    }

    private void validate() {
        check(seconds >= 1 && seconds <= 3600, "--seconds must be between 1 and 3600, got " + seconds);
        check(warmupSeconds >= 0 && warmupSeconds <= 3600, "--warmup-seconds must be between 0 and 3600");
        check(threads >= 1 && threads <= 64, "--threads must be between 1 and 64, got " + threads);
        check(connections >= threads && connections <= 10_000, "--connections must be between --threads and 10000");
        check(h2Clients >= 1 && h2Clients <= 10_000, "--h2-clients must be between 1 and 10000");
        check(h2Streams >= 1 && h2Streams <= 1000, "--h2-streams must be between 1 and 1000");
    }

    private void check(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
