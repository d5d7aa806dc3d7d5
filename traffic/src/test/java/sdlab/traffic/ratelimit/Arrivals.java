package sdlab.traffic.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random arrival sequences and policies: bursts, steady streams and idle gaps mixed, so
 * that every limiter is driven empty, full and in between.
 */
final class Arrivals {
    record Arrival(long timeNanos, int permits) {}

    private Arrivals() {}

    static RateLimitPolicy policy(SplittableRandom random) {
        long limit = 1 + random.nextInt(12);
        long periodNanos = 1 + random.nextLong(5_000);
        long burst = 1 + random.nextInt(15);
        return new RateLimitPolicy(limit, periodNanos, burst);
    }

    /** {@code count} arrivals whose mean gap varies in phases around the policy's emission interval. */
    static List<Arrival> sequence(SplittableRandom random, RateLimitPolicy policy, int count) {
        List<Arrival> arrivals = new ArrayList<>(count);
        long interval = Math.max(1, policy.periodNanos() / policy.limit());
        long t = random.nextLong(3 * policy.periodNanos());
        double gapFactor = 1;
        for (int i = 0; i < count; i++) {
            if (i % 25 == 0) {
                gapFactor = switch (random.nextInt(4)) {
                    case 0 -> 0; // a burst at one instant
                    case 1 -> 0.3;
                    case 2 -> 1.0;
                    default -> 4.0;
                };
            }
            t += (long) (random.nextDouble() * 2 * gapFactor * interval);
            int permits = random.nextInt(10) == 0 ? random.nextInt(4) : 1;
            arrivals.add(new Arrival(t, permits));
        }
        return arrivals;
    }
}
