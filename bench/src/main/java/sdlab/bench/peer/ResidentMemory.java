package sdlab.bench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident set size as Linux reports it ({@code VmRSS} in {@code /proc/PID/status}),
 * sampled on a thread of its own so that a short peak is not missed between two measurements.
 */
final class ResidentMemory implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 10;

    private final long pid;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long peakKib;

    private ResidentMemory(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::run, "rss-sampler");
        this.thread.setDaemon(true);
    }

    /** Starts sampling process {@code pid}; {@link #peakKib()} is the largest sample so far. */
    static ResidentMemory sample(long pid) {
        ResidentMemory sampler = new ResidentMemory(pid);
        sampler.peakKib = kib(pid);
        sampler.thread.start();
        return sampler;
    }

    /** The resident set size of {@code pid} now, in KiB, or -1 if it cannot be read (not Linux, process gone). */
    static long kib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void run() {
        while (!stopping) {
            peakKib = Math.max(peakKib, kib(pid));
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakKib() {
        return peakKib;
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
