package sdlab.traffic.ratelimit;

import java.util.Locale;

/** The rate-limiting algorithms, by the name used in configuration files. */
public enum RateLimitAlgorithm {
    TOKEN_BUCKET,
    LEAKY_BUCKET,
    FIXED_WINDOW,
    SLIDING_WINDOW_LOG,
    SLIDING_WINDOW_COUNTER,
    GCRA;

    /** A fresh limiter of this algorithm enforcing {@code policy}. */
    public RateLimiter create(RateLimitPolicy policy) {
        return switch (this) {
            case TOKEN_BUCKET -> new TokenBucket(policy);
            case LEAKY_BUCKET -> new LeakyBucket(policy);
            case FIXED_WINDOW -> new FixedWindow(policy);
            case SLIDING_WINDOW_LOG -> new SlidingWindowLog(policy);
            case SLIDING_WINDOW_COUNTER -> new SlidingWindowCounter(policy);
            case GCRA -> new Gcra(policy);
        };
    }

    /** The configuration name: {@code token-bucket}, {@code sliding-window-log}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a configuration name; throws with the list of known names if unknown. */
    public static RateLimitAlgorithm parse(String configName) {
        for (RateLimitAlgorithm algorithm : values()) {
            if (algorithm.configName().equals(configName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + configName + "': expected one of " + names());
    }

    private static String names() {
        StringBuilder names = new StringBuilder();
        for (RateLimitAlgorithm algorithm : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(algorithm.configName());
        }
        return names.toString();
    }
}
