package sdlab.lab.sweep;

import java.util.Objects;
import java.util.Optional;

/**
 * Which seeds a sweep runs and how.
 *
 * @param firstSeed the first seed; seeds {@code firstSeed .. firstSeed + seedCount - 1} run
 * @param seedCount how many seeds, from 1 to {@link #SEEDS_MAX}
 * @param threads worker threads, from 1 to {@link #THREADS_MAX}; the report does not depend on it
 * @param onlyVariant run just this variant (claims and question are then skipped, as they compare variants)
 */
public record SweepSettings(long firstSeed, int seedCount, int threads, Optional<String> onlyVariant) {
    /** A bound that keeps a mistyped count from running for days. */
    public static final int SEEDS_MAX = 10_000_000;

    public static final int THREADS_MAX = 256;

    public SweepSettings {
        Objects.requireNonNull(onlyVariant, "onlyVariant");
        if (seedCount < 1 || seedCount > SEEDS_MAX) {
            throw new IllegalArgumentException("seedCount must be from 1 to " + SEEDS_MAX + ", got " + seedCount);
        }
        if (threads < 1 || threads > THREADS_MAX) {
            throw new IllegalArgumentException("threads must be from 1 to " + THREADS_MAX + ", got " + threads);
        }
        if (firstSeed > Long.MAX_VALUE - seedCount) {
            throw new IllegalArgumentException("firstSeed + seedCount overflows a long");
        }
    }

    /** {@code seedCount} seeds from {@code firstSeed} on every core, all variants. */
    public static SweepSettings of(long firstSeed, int seedCount) {
        return new SweepSettings(firstSeed, seedCount, Runtime.getRuntime().availableProcessors(), Optional.empty());
    }

    public SweepSettings withThreads(int threadCount) {
        return new SweepSettings(firstSeed, seedCount, threadCount, onlyVariant);
    }

    public SweepSettings withOnlyVariant(String variant) {
        return new SweepSettings(firstSeed, seedCount, threads, Optional.of(variant));
    }
}
