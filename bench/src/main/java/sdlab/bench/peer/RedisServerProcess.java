package sdlab.bench.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** redis-server as a peer: on loopback, in the foreground, persistence only as asked. */
final class RedisServerProcess {
    private static final Pattern READY = Pattern.compile("Ready to accept connections");
    private static final Duration START = Duration.ofSeconds(20);

    private RedisServerProcess() {}

    /**
     * Starts redis-server on {@code port} with its files in {@code dir} and its output in
     * {@code log}, snapshots off, plus {@code options} (e.g. {@code --appendonly no}); returns
     * once it accepts connections.
     */
    static ChildProcess start(int port, Path dir, Path log, List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no"));
        command.addAll(options);
        return ChildProcess.start("redis-server", command, log, READY, START);
    }
}
