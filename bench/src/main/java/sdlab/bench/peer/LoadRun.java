package sdlab.bench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One run of a load generator (redis-benchmark, memaslap, wrk, h2load), bounded in time: if it
 * has not finished by the deadline it is killed and the run fails. Its output goes to a file,
 * so a chatty tool never blocks on a full pipe.
 */
public final class LoadRun {
    /** Tools running now, killed by a shutdown hook if the benchmark is interrupted. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-load-cleanup"));
    }

    private LoadRun() {}

    /**
     * Runs {@code command} and returns its standard output and error, or throws when it fails
     * to start, exits non-zero, or outlives {@code timeout}.
     */
    public static String run(List<String> command, Path outputFile, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(outputFile.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        RUNNING.add(process);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        command.get(0) + " did not finish within " + timeout.toSeconds() + " s: " + output(outputFile));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            RUNNING.remove(process);
        }
        String output = output(outputFile);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " exited with status " + process.exitValue() + ": "
                    + output.substring(Math.max(0, output.length() - 600)));
        }
        return output;
    }

    private static String output(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
