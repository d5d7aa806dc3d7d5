package sdlab.sim;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A distribution of delays: network latency, disk sync latency, think time. Each sample is
 * drawn from the generator it is given, so a seeded generator gives a replayable sequence.
 * Only {@link StrictMath} is used, so samples are the same on every JVM and CPU.
 */
public sealed interface Latency {

    /** Draws one delay, in nanoseconds (never negative). */
    long sampleNanos(RandomGenerator random);

    /** Always {@code delay}. */
    static Latency constant(Duration delay) {
        return new Constant(nanosOf(delay, "delay"));
    }

    /** Uniform between {@code min} and {@code max}, both included. */
    static Latency uniform(Duration min, Duration max) {
        return new Uniform(nanosOf(min, "min"), nanosOf(max, "max"));
    }

    /** Exponential with the given mean: the gaps of a Poisson process. */
    static Latency exponential(Duration mean) {
        return new Exponential(nanosOf(mean, "mean"));
    }

    /**
     * Log-normal with the given median and shape {@code sigma}: most samples near the median,
     * with the long right tail that real networks show (sigma 0.5 gives p99 about 3x median).
     */
    static Latency logNormal(Duration median, double sigma) {
        return new LogNormal(nanosOf(median, "median"), sigma);
    }

    /** A constant delay. */
    record Constant(long delayNanos) implements Latency {
        public Constant {
            requireNonNegative(delayNanos, "delayNanos");
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            return delayNanos;
        }
    }

    /** A delay uniform in {@code [minNanos, maxNanos]}. */
    record Uniform(long minNanos, long maxNanos) implements Latency {
        public Uniform {
            requireNonNegative(minNanos, "minNanos");
            if (maxNanos < minNanos) {
                throw new IllegalArgumentException(
                        "uniform latency needs min <= max, got " + minNanos + " > " + maxNanos);
            }
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            return minNanos == maxNanos ? minNanos : random.nextLong(minNanos, maxNanos + 1);
        }
    }

    /** An exponential delay with mean {@code meanNanos}. */
    record Exponential(long meanNanos) implements Latency {
        public Exponential {
            requireNonNegative(meanNanos, "meanNanos");
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            // Inversion: -mean * ln(U) with U in (0, 1]; 1 - nextDouble() never returns 0.
            double u = 1.0 - random.nextDouble();
            return clamp(-meanNanos * StrictMath.log(u));
        }
    }

    /**
     * A log-normal delay: {@code medianNanos * exp(sigma * Z)} with Z standard normal. A class
     * rather than a record because it carries its tabulated quantiles; it compares and prints
     * by its two parameters only.
     */
    final class LogNormal implements Latency {
        private final long medianNanos;
        private final double sigma;
        private final LogNormalQuantiles quantiles;

        public LogNormal(long medianNanos, double sigma) {
            requireNonNegative(medianNanos, "medianNanos");
            if (!(sigma >= 0 && sigma <= 5)) {
                throw new IllegalArgumentException("log-normal sigma must be in [0, 5], got " + sigma);
            }
            this.medianNanos = medianNanos;
            this.sigma = sigma;
            this.quantiles = LogNormalQuantiles.of(sigma);
        }

        public long medianNanos() {
            return medianNanos;
        }

        public double sigma() {
            return sigma;
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            return clamp(medianNanos * quantiles.sample(random));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LogNormal that
                    && medianNanos == that.medianNanos
                    && Double.compare(sigma, that.sigma) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(medianNanos) * 31 + Double.hashCode(sigma);
        }

        @Override
        public String toString() {
            return "LogNormal[medianNanos=" + medianNanos + ", sigma=" + sigma + "]";
        }
    }

    private static long nanosOf(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a non-negative duration, got " + duration);
        }
        return duration.toNanos();
    }

    private static void requireNonNegative(long nanos, String name) {
        if (nanos < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + nanos);
        }
    }

    /** Keeps heavy-tailed samples far from overflow when added to a virtual time. */
    private static long clamp(double nanos) {
        double nanosMax = 1e15; // about 11.6 days of virtual time
        return (long) Math.min(Math.max(nanos, 0), nanosMax);
    }
}
