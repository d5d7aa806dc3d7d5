package sdlab.cache.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/** A cache node in a JVM of its own, so that a test can kill it with SIGKILL and start it again. */
final class NodeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("cache node ready on [^:]+:(\\d+)");

    private final Process process;
    private final int port;

    private NodeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a node on a free port with persistence files in {@code dir}; returns once it is ready. */
    static NodeProcess start(Path dir, String... options) throws IOException {
        Process process = launch(dir, options);
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                return new NodeProcess(process, Integer.parseInt(ready.group(1)));
            }
        }
        throw new IllegalStateException(
                "the node exited before it was ready: " + Files.readString(dir.resolve("node.log")));
    }

    /** Starts a node that is expected to refuse to start; returns its exit code and error output. */
    static Exit startExpectingFailure(Path dir, String... options) throws IOException, InterruptedException {
        Process process = launch(dir, options);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the node did not exit: " + stdout);
        }
        return new Exit(process.exitValue(), stdout + Files.readString(dir.resolve("node.log")));
    }

    record Exit(int code, String output) {}

    int port() {
        return port;
    }

    Jedis jedis() {
        return new Jedis("127.0.0.1", port, 10_000);
    }

    /** kill -9: no shutdown hook runs, nothing is flushed by the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the node politely (SIGTERM), or with SIGKILL if it does not exit within 20 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Process launch(Path dir, String... options) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CacheNodeMain.class.getName(),
                "--port",
                "0",
                "--dir",
                dir.toString(),
                "--save",
                ""));
        command.addAll(List.of(options));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("node.log").toFile())
                .start();
    }
}
