package sdlab.cache.store;

import java.util.random.RandomGenerator;

/**
 * Redis's LFU counter (Salvatore Sanfilippo, "Random notes on improving the Redis LRU
 * algorithm", 2016; {@code evict.c}): an 8-bit counter that grows logarithmically and decays
 * with idle time, so that a key needs about a million hits to saturate and a key that was hot
 * yesterday does not stay hot forever.
 *
 * <ul>
 *   <li>New keys start at {@link #INITIAL} so they are not evicted before they have a chance
 *       to be used.
 *   <li>On access the counter grows by one with probability {@code 1 / ((c - INITIAL) *
 *       logFactor + 1)}.
 *   <li>Every {@code decayMinutes} minutes without access it drops by one.
 * </ul>
 */
final class LfuCounter {
    static final int INITIAL = 5;
    static final int MAX = 255;
    private static final long MILLIS_PER_MINUTE = 60_000;

    private final int logFactor;
    private final int decayMinutes;

    LfuCounter(int logFactor, int decayMinutes) {
        this.logFactor = logFactor;
        this.decayMinutes = decayMinutes;
    }

    /** Initialises a new key's counter. */
    static void start(Entry e, long nowMillis) {
        e.lfuCounter = INITIAL;
        e.lfuDecayMinutes = nowMillis / MILLIS_PER_MINUTE;
    }

    /** The counter as it stands now, after the decay that idle time has earned. */
    int decayed(Entry e, long nowMillis) {
        if (decayMinutes == 0) {
            return e.lfuCounter;
        }
        long periods = (nowMillis / MILLIS_PER_MINUTE - e.lfuDecayMinutes) / decayMinutes;
        return periods >= e.lfuCounter ? 0 : (int) (e.lfuCounter - Math.max(0, periods));
    }

    /** Records one access: decay first, then the probabilistic increment. */
    void touch(Entry e, long nowMillis, RandomGenerator random) {
        int counter = decayed(e, nowMillis);
        if (counter < MAX) {
            int base = Math.max(0, counter - INITIAL);
            double p = 1.0 / (base * (double) logFactor + 1);
            if (random.nextDouble() < p) {
                counter++;
            }
        }
        e.lfuCounter = counter;
        e.lfuDecayMinutes = nowMillis / MILLIS_PER_MINUTE;
    }
}
