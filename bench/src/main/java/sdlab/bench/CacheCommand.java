package sdlab.bench;

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
import sdlab.bench.peer.CacheComparison;

/** {@code sdlab bench cache}: sdlab's cache node beside redis-server and memcached, in one run. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        subcommands = BigRequestsCommand.class,
        description = {
            "Start 'sdlab node cache' (a child JVM), redis-server and memcached on free loopback ports, load them"
                    + " with redis-benchmark (its default tests, each -P depth) and memaslap, and print throughput and"
                    + " p99 side by side with their ratios.",
            "Goal (issue 4): at least the real servers' throughput, p99 within 1.5x.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:a server or load tool failed", "2:bad option or a missing tool"})
final class CacheCommand implements Callable<Integer> {
    /** The names redis-benchmark 7's {@code -t} knows. */
    private static final List<String> KNOWN_TESTS = List.of(
            "ping",
            "ping_inline",
            "ping_mbulk",
            "set",
            "get",
            "incr",
            "lpush",
            "rpush",
            "lpop",
            "rpop",
            "sadd",
            "hset",
            "spop",
            "zadd",
            "zpopmin",
            "lrange",
            "lrange_100",
            "lrange_300",
            "lrange_500",
            "lrange_600",
            "mset");

    @Spec
    CommandSpec spec;

    @Option(
            names = "-n",
            defaultValue = "200000",
            description = "Requests per redis-benchmark test (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "-d", defaultValue = "64", description = "Value size in bytes (default: ${DEFAULT-VALUE}).")
    int valueBytes;

    @Option(names = "--clients", defaultValue = "50", description = "Connections (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--pipeline",
            split = ",",
            defaultValue = "1,16",
            description = "Pipeline depths, each a redis-benchmark run (default: ${DEFAULT-VALUE}).")
    List<Integer> pipelines;

    @Option(
            names = "--memaslap-seconds",
            defaultValue = "10",
            description = "Seconds of each memaslap run; 0 skips the memcached comparison (default: ${DEFAULT-VALUE}).")
    int memaslapSeconds;

    @Option(
            names = "--tests",
            split = ",",
            paramLabel = "<test>",
            description = "redis-benchmark's tests (-t), comma-separated (default: all it runs by default: ping, set,"
                    + " get, incr, lpush, rpush, lpop, rpop, sadd, hset, spop, zadd, zpopmin, lrange, mset).")
    List<String> tests = CacheComparison.DEFAULT_TESTS;

    @Option(
            names = "--only",
            paramLabel = "<tool>",
            description = "Run one load tool only: 'redis-benchmark' (against redis-server) or 'memaslap' (against"
                    + " memcached); both run by default.")
    String only;

    @Mixin
    RoundsOption roundsOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        validate();
        int rounds = roundsOption.validated(spec);
        boolean redisBenchmark = !"memaslap".equals(only);
        int memaslapRunSeconds = "redis-benchmark".equals(only) ? 0 : memaslapSeconds;
        CacheComparison.Settings settings = new CacheComparison.Settings(
                requests, valueBytes, clients, pipelines, memaslapRunSeconds, rounds, redisBenchmark, tests);
        return PeerBench.run(
                spec,
                CacheComparison.tools(settings),
                progress -> new CacheComparison(settings, progress).run(),
                (start, rows) -> new PeerReport(
                        "cache",
                        title(settings),
                        "peer",
                        start,
                        Machine.now(),
                        new PeerReport.Goal(1.0, 1.5),
                        rows,
                        List.of(
                                "peer: redis-server for the redis-benchmark rows, memcached for memaslap (as many"
                                        + " threads as cores). Persistence is off on both sides.",
                                "memaslap's p99 is the upper bound of a power-of-two latency bucket, so it is good to"
                                        + " a factor of two.")),
                json);
    }

    /** The report's first line: the loads that ran, with their options. */
    private static String title(CacheComparison.Settings settings) {
        List<String> loads = new ArrayList<>();
        if (settings.redisBenchmark()) {
            loads.add(String.format(
                    Locale.ROOT,
                    "redis-benchmark -c %d -n %d -d %d -r 100000",
                    settings.clients(),
                    settings.requests(),
                    settings.valueBytes()));
        }
        if (settings.memaslapSeconds() > 0) {
            loads.add(String.format(
                    Locale.ROOT, "memaslap -c %d for %d s (90%% get)", settings.clients(), settings.memaslapSeconds()));
        }
        String peers = settings.redisBenchmark() && settings.memaslapSeconds() > 0
                ? "redis-server / memcached"
                : settings.redisBenchmark() ? "redis-server" : "memcached";
        return "Cache node vs " + peers + ": " + String.join(", ", loads) + "; medians of " + settings.rounds()
                + " alternating runs per side.";
    }

    private void validate() {
        if (requests < 1 || requests > 100_000_000) {
            throw new ParameterException(spec.commandLine(), "-n must be between 1 and 100000000, got " + requests);
        }
        if (valueBytes < 1 || valueBytes > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "-d must be between 1 and 1000000, got " + valueBytes);
        }
        if (clients < 1 || clients > 10_000) {
            throw new ParameterException(spec.commandLine(), "--clients must be between 1 and 10000, got " + clients);
        }
        if (pipelines.isEmpty() || pipelines.stream().anyMatch(p -> p < 1 || p > 10_000)) {
            throw new ParameterException(spec.commandLine(), "--pipeline depths must be between 1 and 10000");
        }
        if (memaslapSeconds < 0 || memaslapSeconds > 3600) {
            throw new ParameterException(
                    spec.commandLine(), "--memaslap-seconds must be between 0 and 3600, got " + memaslapSeconds);
        }
        List<String> unknown = tests.stream()
                .filter(test -> !KNOWN_TESTS.contains(test.toLowerCase(Locale.ROOT)))
                .toList();
        if (tests.isEmpty() || !unknown.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--tests takes redis-benchmark's test names " + KNOWN_TESTS + ", got " + unknown);
        }
        if (only != null && !only.equals("redis-benchmark") && !only.equals("memaslap")) {
            throw new ParameterException(
                    spec.commandLine(), "--only must be 'redis-benchmark' or 'memaslap', got '" + only + "'");
        }
        if ("memaslap".equals(only) && memaslapSeconds == 0) {
            throw new ParameterException(spec.commandLine(), "--only memaslap needs --memaslap-seconds above 0");
        }
    }
}
