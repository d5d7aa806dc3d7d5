package sdlab.bench.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * sdlab's cache node beside redis-server and memcached, loaded by the peers' own tools in one
 * run: redis-benchmark (its default tests, each pipeline depth) against both RESP servers, then
 * memaslap against both memcached ports. Every server is started here, on free loopback
 * ports, with persistence off on both sides, and stopped when the run ends or fails.
 */
public final class CacheComparison {
    /** The programs this comparison runs. */
    public static final List<RequiredTool> TOOLS = List.of(
            new RequiredTool("redis-server", "redis-server"),
            new RequiredTool("redis-benchmark", "redis-tools"),
            new RequiredTool("memcached", "memcached"),
            new RequiredTool("memcaslap", "libmemcached-tools"));

    private static final Pattern SDLAB_READY = Pattern.compile("cache node ready on [^:]+:(\\d+)");
    private static final Pattern SDLAB_MEMCACHED = Pattern.compile("memcached on port (\\d+)");
    private static final Duration PEER_START = Duration.ofSeconds(20);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    /**
     * What to offer.
     *
     * @param requests requests per redis-benchmark test ({@code -n})
     * @param valueBytes value size ({@code -d}, memaslap's {@code -X})
     * @param clients connections ({@code -c} of both tools)
     * @param pipelines pipeline depths ({@code -P}), each a separate redis-benchmark run
     * @param memaslapSeconds seconds of each memaslap run; 0 skips memcached
     * @param rounds runs of every workload per side, alternating which goes first; the medians count
     * @param redisBenchmark whether redis-benchmark runs (and redis-server starts); false measures memaslap alone
     * @param tests redis-benchmark's tests ({@code -t}), by default all it runs without {@code -t}
     */
    public record Settings(
            int requests,
            int valueBytes,
            int clients,
            List<Integer> pipelines,
            int memaslapSeconds,
            int rounds,
            boolean redisBenchmark,
            List<String> tests) {}

    /** What redis-benchmark 7 runs when no {@code -t} is given, by its {@code -t} names. */
    public static final List<String> DEFAULT_TESTS = List.of(
            "ping", "set", "get", "incr", "lpush", "rpush", "lpop", "rpop", "sadd", "hset", "spop", "zadd", "zpopmin",
            "lrange", "mset");

    private final Settings settings;
    private final Consumer<String> progress;
    /** Load runs so far: numbers the files their outputs are kept in. */
    private int runs;

    public CacheComparison(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The tools this run needs: redis's only when redis-benchmark runs, memcached's only when memaslap runs. */
    public static List<RequiredTool> tools(Settings settings) {
        List<RequiredTool> tools = new ArrayList<>();
        if (settings.redisBenchmark()) {
            tools.addAll(TOOLS.subList(0, 2));
        }
        if (settings.memaslapSeconds() > 0) {
            tools.addAll(TOOLS.subList(2, 4));
        }
        return tools;
    }

    /** Starts the servers, runs every workload against both sides, stops the servers. */
    public List<PeerRow> run() {
        List<PeerRow> rows = new ArrayList<>();
        try (Scratch scratch = Scratch.create("sdlab-bench-cache-")) {
            boolean memcached = settings.memaslapSeconds() > 0;
            List<String> sdlabOptions = new ArrayList<>(List.of(
                    "--port",
                    "0",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    scratch.dir().toString()));
            if (memcached) {
                sdlabOptions.addAll(List.of("--memcached-port", "0"));
            }
            progress.accept("starting sdlab node cache" + (settings.redisBenchmark() ? " and redis-server" : ""));
            try (ChildProcess sdlab =
                    SdlabNode.start("cache", sdlabOptions, scratch.resolve("sdlab.log"), SDLAB_READY)) {
                // Picked once the node listens: it binds port 0, and a port picked before could be the one it gets.
                int redisPort = FreePort.pick();
                try (ChildProcess redis = settings.redisBenchmark() ? startRedis(scratch, redisPort) : null) {
                    int sdlabPort = port(sdlab, SDLAB_READY);
                    if (settings.redisBenchmark()) {
                        warmUp(scratch, sdlabPort, redisPort);
                        for (int pipeline : settings.pipelines()) {
                            rows.addAll(redisBenchmark(scratch, sdlabPort, redisPort, pipeline));
                        }
                    }
                    if (memcached) {
                        rows.add(memaslap(scratch, port(sdlab, SDLAB_MEMCACHED)));
                    }
                }
            }
        }
        return rows;
    }

    private static ChildProcess startRedis(Scratch scratch, int redisPort) {
        return RedisServerProcess.start(
                redisPort, scratch.dir(), scratch.resolve("redis.log"), List.of("--appendonly", "no"));
    }

    /**
     * One untimed pass at every pipeline depth against each server first: the JIT compiles
     * sdlab's hot paths for each way of being loaded (one reply per read is not the same code
     * path as sixteen), and both servers have allocated their key space, before anything is
     * measured.
     */
    private void warmUp(Scratch scratch, int sdlabPort, int peerPort) {
        progress.accept("warming up both servers (not measured)");
        for (int pipeline : settings.pipelines()) {
            LoadRun.run(
                    redisBenchmarkCommand(sdlabPort, pipeline),
                    scratch.resolve("warmup-sdlab-P" + pipeline + ".txt"),
                    LOAD_TIMEOUT);
            LoadRun.run(
                    redisBenchmarkCommand(peerPort, pipeline),
                    scratch.resolve("warmup-redis-P" + pipeline + ".txt"),
                    LOAD_TIMEOUT);
        }
    }

    private List<PeerRow> redisBenchmark(Scratch scratch, int sdlabPort, int peerPort, int pipeline) {
        Alternating.Runs<Map<String, LoadFigures>> runs = Alternating.run(
                settings.rounds(),
                () -> redisBenchmark(scratch, sdlabPort, pipeline, "sdlab"),
                () -> redisBenchmark(scratch, peerPort, pipeline, "redis-server"));
        List<PeerRow> rows = new ArrayList<>();
        for (String test : runs.sdlab().get(0).keySet()) {
            rows.add(
                    new PeerRow(test + " -P " + pipeline, figuresOf(test, runs.sdlab()), figuresOf(test, runs.peer())));
        }
        return rows;
    }

    private Map<String, LoadFigures> redisBenchmark(Scratch scratch, int port, int pipeline, String side) {
        progress.accept("redis-benchmark -P " + pipeline + " against " + side);
        String output = LoadRun.run(
                redisBenchmarkCommand(port, pipeline),
                scratch.resolve("rb-" + side + "-P" + pipeline + "-" + (++runs) + ".txt"),
                LOAD_TIMEOUT);
        return RedisBenchmarkCsv.parse(output);
    }

    private static List<LoadFigures> figuresOf(String test, List<Map<String, LoadFigures>> runs) {
        List<LoadFigures> figures = new ArrayList<>();
        for (Map<String, LoadFigures> run : runs) {
            LoadFigures figure = run.get(test);
            if (figure == null) {
                throw new IllegalStateException("redis-benchmark printed no " + test + " line");
            }
            figures.add(figure);
        }
        return figures;
    }

    private List<String> redisBenchmarkCommand(int port, int pipeline) {
        return List.of(
                "redis-benchmark",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-c",
                Integer.toString(settings.clients()),
                "-n",
                Integer.toString(settings.requests()),
                "-d",
                Integer.toString(settings.valueBytes()),
                "-P",
                Integer.toString(pipeline),
                "-r",
                "100000",
                "-t",
                String.join(",", settings.tests()),
                "--csv");
    }

    private PeerRow memaslap(Scratch scratch, int sdlabPort) {
        int memcachedPort = FreePort.pick();
        progress.accept("starting memcached");
        try (ChildProcess memcached = ChildProcess.startListening(
                "memcached",
                List.of(
                        "memcached",
                        "-u",
                        System.getProperty("user.name"),
                        "-l",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(memcachedPort),
                        "-U",
                        "0",
                        "-t",
                        Integer.toString(Runtime.getRuntime().availableProcessors())),
                scratch.resolve("memcached.log"),
                memcachedPort,
                PEER_START)) {
            progress.accept("memaslap warm-up against both (not measured)");
            memaslap(scratch, sdlabPort, "warmup-sdlab");
            memaslap(scratch, memcachedPort, "warmup-memcached");
            Alternating.Runs<LoadFigures> runs = Alternating.run(
                    settings.rounds(),
                    () -> memaslap(scratch, sdlabPort, "sdlab"),
                    () -> memaslap(scratch, memcachedPort, "memcached"));
            return new PeerRow("memaslap 90% get", runs.sdlab(), runs.peer());
        }
    }

    private LoadFigures memaslap(Scratch scratch, int port, String side) {
        progress.accept("memaslap against " + side);
        return MemaslapOutput.parse(LoadRun.run(
                memaslapCommand(port), scratch.resolve("ms-" + side + "-" + (++runs) + ".txt"), LOAD_TIMEOUT));
    }

    private List<String> memaslapCommand(int port) {
        return List.of(
                "memcaslap",
                "-s",
                "127.0.0.1:" + port,
                "-T",
                Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())),
                "-c",
                Integer.toString(settings.clients()),
                "-t",
                settings.memaslapSeconds() + "s",
                "-S",
                settings.memaslapSeconds() + "s",
                "-X",
                Integer.toString(settings.valueBytes()));
    }

    private static int port(ChildProcess child, Pattern pattern) {
        return Integer.parseInt(child.readyGroup(pattern)
                .orElseThrow(() -> new IllegalStateException("sdlab node cache did not print its port")));
    }
}
