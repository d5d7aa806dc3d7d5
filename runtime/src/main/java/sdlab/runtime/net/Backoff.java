package sdlab.runtime.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a link waits before connecting again: doubling from {@code first} up to {@code max},
 * with up to half of each wait drawn at random so that the nodes of a cluster that lost a peer
 * together do not all knock on it in the same millisecond.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** 20 ms doubling to 1 s: a restarted node is found within about a second. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1));
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} failed attempts in a row. */
    public Duration delay(int failures, RandomGenerator random) {
        long ceiling = first.toNanos() << Math.min(failures, 30);
        long capped = Math.min(Math.max(ceiling, first.toNanos()), max.toNanos());
        long half = capped / 2;
        return Duration.ofNanos(capped - half + random.nextLong(half + 1));
    }
}
