package sdlab.bench.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time (user + system) from {@code /proc/<pid>/stat}, in clock ticks of 10 ms
 * (Linux's USER_HZ of 100 on every common architecture). Coarse, so the benchmark reads it once
 * before and once after many reconnects.
 */
final class ProcessCpu {
    static final long NANOS_PER_TICK = 10_000_000L;

    /** Fields 14 and 15 of stat (utime, stime), counted from after the command name's ')'. */
    private static final int UTIME_AFTER_NAME = 11;

    private ProcessCpu() {}

    /** CPU nanoseconds used so far by process {@code pid}, or -1 where /proc cannot be read. */
    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
