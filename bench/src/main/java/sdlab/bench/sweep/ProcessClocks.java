package sdlab.bench.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The clocks a sweep is timed with: wall time, and the CPU time of the whole process. A sweep runs on a pool of
 * workers, and the JIT compiler and the garbage collector work beside them, so a single thread's CPU time would
 * miss most of it.
 *
 * @param wallNanos a monotonic wall clock, in nanoseconds
 * @param processCpuNanos the process's CPU time in nanoseconds, or -1 where unavailable
 */
public record ProcessClocks(LongSupplier wallNanos, LongSupplier processCpuNanos) {
    public ProcessClocks {
        Objects.requireNonNull(wallNanos, "wallNanos");
        Objects.requireNonNull(processCpuNanos, "processCpuNanos");
    }

    /** {@code System.nanoTime} and the operating system's count of this process's CPU time, where it has one. */
    public static ProcessClocks system() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return new ProcessClocks(System::nanoTime, hotspot::getProcessCpuTime);
        }
        return new ProcessClocks(System::nanoTime, () -> -1);
    }
}
