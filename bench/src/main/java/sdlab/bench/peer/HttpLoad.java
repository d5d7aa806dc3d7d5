package sdlab.bench.peer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** wrk and h2load runs against one loopback port, with their outputs in the run's scratch directory. */
final class HttpLoad {
    /** Time a run may take beyond its nominal duration (start-up, draining) before it is killed. */
    private static final Duration SLACK = Duration.ofSeconds(60);

    /** Warm-up passes of both tools before anything is measured. */
    static final int WARMUP_PASSES = 2;

    private final GatewayComparison.Settings settings;
    private final Scratch scratch;
    private final Consumer<String> progress;
    private int runs;

    HttpLoad(GatewayComparison.Settings settings, Scratch scratch, Consumer<String> progress) {
        this.settings = settings;
        this.scratch = scratch;
        this.progress = progress;
    }

    /**
     * Untimed passes of wrk on {@code http1Port} and then h2load on {@code http2Port}, {@link
     * #WARMUP_PASSES} times, so that each protocol's code path is compiled. One pass was not
     * enough for the gateway: measured on a fresh one, the first 6-second wrk run after it spent
     * 15.5 µs of user CPU per request against 6 – 8 µs in the runs after, and served 27,600
     * requests/s against 36,000 – 41,000; after two passes the first run was as fast as the rest.
     */
    void warmUp(int http1Port, int http2Port) {
        if (settings.warmupSeconds() == 0) {
            return;
        }
        for (int pass = 1; pass <= WARMUP_PASSES; pass++) {
            progress.accept("warming up ports " + http1Port + " and " + http2Port + ", pass " + pass + " of "
                    + WARMUP_PASSES + " (not measured)");
            LoadRun.run(
                    wrkCommand(http1Port, settings.warmupSeconds()), next("warmup"), timeout(settings.warmupSeconds()));
            Path log = next("warmup-h2load-log");
            LoadRun.run(
                    h2loadCommand(http2Port, settings.warmupSeconds(), log),
                    next("warmup-h2load"),
                    timeout(settings.warmupSeconds()));
        }
    }

    LoadFigures wrk(String side, int port) {
        progress.accept("wrk against " + side);
        return WrkOutput.parse(
                LoadRun.run(wrkCommand(port, settings.seconds()), next("wrk-" + side), timeout(settings.seconds())));
    }

    LoadFigures h2load(String side, int port) {
        progress.accept("h2load against " + side);
        Path log = next("h2load-log-" + side);
        List<String> command = List.of(
                "h2load",
                "-c",
                Integer.toString(settings.h2Clients()),
                "-m",
                Integer.toString(settings.h2Streams()),
                "-t",
                Integer.toString(Math.min(settings.h2Clients(), settings.wrkThreads())),
                "-D",
                Integer.toString(settings.seconds()),
                "--log-file=" + log,
                "http://127.0.0.1:" + port + "/");
        String summary = LoadRun.run(command, next("h2load-" + side), timeout(settings.seconds()));
        try {
            return H2loadOutput.parse(summary, Files.readString(log, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read h2load's request log " + log + ": " + e.getMessage(), e);
        }
    }

    private List<String> h2loadCommand(int port, int seconds, Path log) {
        return List.of(
                "h2load",
                "-c",
                Integer.toString(settings.h2Clients()),
                "-m",
                Integer.toString(settings.h2Streams()),
                "-t",
                Integer.toString(Math.min(settings.h2Clients(), settings.wrkThreads())),
                "-D",
                Integer.toString(seconds),
                "--log-file=" + log,
                "http://127.0.0.1:" + port + "/");
    }

    private List<String> wrkCommand(int port, int seconds) {
        return List.of(
                "wrk",
                "-t",
                Integer.toString(settings.wrkThreads()),
                "-c",
                Integer.toString(settings.wrkConnections()),
                "-d",
                seconds + "s",
                "--latency",
                "http://127.0.0.1:" + port + "/");
    }

    private Path next(String name) {
        runs++;
        return scratch.resolve(runs + "-" + name + ".txt");
    }

    private static Duration timeout(int seconds) {
        return Duration.ofSeconds(seconds).plus(SLACK);
    }
}
