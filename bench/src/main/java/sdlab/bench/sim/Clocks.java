package sdlab.bench.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The two clocks a benchmark reads: wall time, which the targets are stated in, and the
 * measuring thread's CPU time, which leaves out the time the thread waited for a core. On a
 * machine shared with other work the two differ, and the CPU figure says what an idle core
 * would give.
 *
 * @param wallNanos a monotonic wall clock, in nanoseconds
 * @param threadCpuNanos the calling thread's CPU time in nanoseconds, or -1 where unavailable
 */
public record Clocks(LongSupplier wallNanos, LongSupplier threadCpuNanos) {
    public Clocks {
        Objects.requireNonNull(wallNanos, "wallNanos");
        Objects.requireNonNull(threadCpuNanos, "threadCpuNanos");
    }

    /** {@code System.nanoTime} and the JVM's per-thread CPU time, where it has one. */
    public static Clocks system() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        if (cpu && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        return new Clocks(System::nanoTime, cpu ? threads::getCurrentThreadCpuTime : () -> -1);
    }
}
