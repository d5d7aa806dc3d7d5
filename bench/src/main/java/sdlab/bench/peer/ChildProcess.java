package sdlab.bench.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server a benchmark started (sdlab node, redis-server, memcached, nginx), with its output in
 * a log file. Closing stops it: SIGTERM, then SIGKILL after a grace period, its descendants
 * too. Every live child is also stopped by a shutdown hook, so Ctrl-C leaves no server behind.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::close), "bench-cleanup"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with standard output and error in {@code log}, then waits until a
     * line of the log matches {@code ready} (group 1, if any, is returned by {@link #readyGroup}).
     *
     * @throws IllegalStateException when the process exits or the timeout passes first; the
     *     message quotes the end of its log
     */
    public static ChildProcess start(String name, List<String> command, Path log, Pattern ready, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(name, process, log);
        LIVE.add(child);
        child.awaitReady(ready, timeout);
        return child;
    }

    /**
     * Starts {@code command}, for a server that prints nothing when ready (memcached), and
     * waits until a connection to {@code port} on the loopback address succeeds.
     */
    public static ChildProcess startListening(String name, List<String> command, Path log, int port, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        ChildProcess child;
        try {
            child = new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        LIVE.add(child);
        child.awaitPort(port, timeout);
        return child;
    }

    private void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    close();
                    throw new IllegalStateException(name + " exited before it listened: " + tail());
                }
                pause();
            }
        }
        close();
        throw new IllegalStateException(
                name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s: " + tail());
    }

    private void awaitReady(Pattern ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readyMatch(ready).isPresent()) {
                return;
            }
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(
                        name + " exited (status " + process.exitValue() + ") before it was ready: " + tail());
            }
            pause();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s: " + tail());
    }

    /** Group 1 of the first log line that matches {@code pattern}, e.g. a port the server chose. */
    public Optional<String> readyGroup(Pattern pattern) {
        return readyMatch(pattern).map(m -> m.groupCount() >= 1 ? m.group(1) : m.group());
    }

    private Optional<Matcher> readyMatch(Pattern pattern) {
        for (String line : logText().split("\n")) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    /** The operating system's id of the process, for reading its CPU time. */
    public long pid() {
        return process.pid();
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The last few hundred characters of the process's output, for a message about a server that
     * runs but misbehaves.
     */
    public String tail() {
        String text = logText().strip();
        return text.isEmpty() ? "(no output)" : text.substring(Math.max(0, text.length() - 600));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }

    @Override
    public void close() {
        LIVE.remove(this);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
