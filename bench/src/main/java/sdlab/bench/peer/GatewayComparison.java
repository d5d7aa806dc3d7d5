package sdlab.bench.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * sdlab's gateway beside nginx, both proxying to the same two {@code sdlab node echo} backends
 * with the same keep-alive settings ({@link ProxySetup}): wrk over HTTP/1.1 and h2load over
 * h2c, first with no rate limiter, then with one that runs on every request and denies none.
 * Each proxy gets two untimed passes of wrk and h2load before it is measured.
 */
public final class GatewayComparison {
    /** The programs this comparison runs. */
    public static final List<RequiredTool> TOOLS = List.of(
            new RequiredTool("nginx", "nginx"),
            new RequiredTool("wrk", "wrk"),
            new RequiredTool("h2load", "nghttp2-client"));

    static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");
    private static final Duration PEER_START = Duration.ofSeconds(20);
    private static final int IDLE_UPSTREAM_CONNECTIONS = 256;

    /**
     * What to offer.
     *
     * @param seconds measured seconds of each wrk and h2load run
     * @param warmupSeconds untimed seconds of each tool in each warm-up pass
     * @param wrkThreads wrk's {@code -t}
     * @param wrkConnections wrk's {@code -c}
     * @param h2Clients h2load's {@code -c}
     * @param h2Streams h2load's {@code -m}, concurrent streams per connection
     * @param rounds runs of every workload per proxy, alternating which goes first; the medians count
     */
    public record Settings(
            int seconds,
            int warmupSeconds,
            int wrkThreads,
            int wrkConnections,
            int h2Clients,
            int h2Streams,
            int rounds) {}

    private final Settings settings;
    private final Consumer<String> progress;

    public GatewayComparison(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Starts the backends, then for rate limiting off and on both proxies; measures; stops everything. */
    public List<PeerRow> run() {
        List<PeerRow> rows = new ArrayList<>();
        try (Scratch scratch = Scratch.create("sdlab-bench-gateway-");
                ChildProcess echo1 = echo(scratch, "echo-1");
                ChildProcess echo2 = echo(scratch, "echo-2")) {
            List<String> upstreams = List.of(address(echo1), address(echo2));
            for (boolean limited : List.of(false, true)) {
                rows.addAll(compare(scratch, new ProxySetup(upstreams, limited, IDLE_UPSTREAM_CONNECTIONS)));
            }
        }
        return rows;
    }

    private List<PeerRow> compare(Scratch scratch, ProxySetup setup) {
        String mode = setup.rateLimited() ? "limit on" : "limit off";
        String suffix = setup.rateLimited() ? "-limited" : "";
        int nginxHttp1 = FreePort.pick();
        int nginxHttp2 = FreePort.pick();
        scratch.write("gateway" + suffix + ".json", setup.gatewayJson());
        scratch.write("nginx" + suffix + ".conf", setup.nginxConf(nginxHttp1, nginxHttp2, scratch.dir()));
        progress.accept("starting sdlab node gateway and nginx, " + mode);
        try (ChildProcess gateway = SdlabNode.start(
                        "gateway",
                        List.of(
                                "--config",
                                scratch.resolve("gateway" + suffix + ".json").toString()),
                        scratch.resolve("gateway" + suffix + ".log"),
                        LISTENING);
                ChildProcess nginx = ChildProcess.startListening(
                        "nginx",
                        List.of(
                                TOOLS.get(0).executable(),
                                "-c",
                                scratch.resolve("nginx" + suffix + ".conf").toString(),
                                "-p",
                                scratch.dir().toString()),
                        scratch.resolve("nginx" + suffix + ".log"),
                        nginxHttp1,
                        PEER_START)) {
            int gatewayPort = Integer.parseInt(gateway.readyGroup(LISTENING).orElseThrow());
            HttpLoad load = new HttpLoad(settings, scratch, progress);
            load.warmUp(gatewayPort, gatewayPort);
            load.warmUp(nginxHttp1, nginxHttp2);
            Alternating.Runs<LoadFigures> http1 = Alternating.run(
                    settings.rounds(), () -> load.wrk("sdlab", gatewayPort), () -> load.wrk("nginx", nginxHttp1));
            Alternating.Runs<LoadFigures> http2 = Alternating.run(
                    settings.rounds(), () -> load.h2load("sdlab", gatewayPort), () -> load.h2load("nginx", nginxHttp2));
            return List.of(
                    new PeerRow("HTTP/1.1 wrk, " + mode, http1.sdlab(), http1.peer()),
                    new PeerRow("h2c h2load, " + mode, http2.sdlab(), http2.peer()));
        }
    }

    private static ChildProcess echo(Scratch scratch, String name) {
        return SdlabNode.start(
                "echo", List.of("--port", "0", "--name", name), scratch.resolve(name + ".log"), LISTENING);
    }

    private static String address(ChildProcess echo) {
        return "127.0.0.1:" + echo.readyGroup(LISTENING).orElseThrow();
    }
}
