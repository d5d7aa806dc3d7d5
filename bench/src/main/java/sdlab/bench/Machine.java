package sdlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine a benchmark ran on, as far as it moves the figures: cores and load. Benchmarks
 * here often share their cores with builds, so every report says how busy the machine was.
 *
 * @param cores processors available to the JVM
 * @param loadAverage the one-minute load average at the start, or negative where unknown
 * @param javaVersion the JVM's version
 */
record Machine(int cores, double loadAverage, String javaVersion) {
    static Machine now() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version().toString());
    }

    String describe() {
        String load = loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage);
        return cores + " cores, load average " + load + " at the start, Java " + javaVersion;
    }
}
