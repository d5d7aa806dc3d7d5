package sdlab.cache.store;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Redis's active expiry ({@code expire.c}, {@code activeExpireCycle}): lazy expiry alone would
 * keep keys that nobody reads again forever, so a periodic task samples keys that have a TTL
 * and deletes the expired ones.
 *
 * <p>Each round samples {@code keysPerRound} keys (Redis: 20). If more than
 * {@code stalePercentAcceptable} percent of them had expired (Redis: 10%), expired keys are
 * probably plentiful and another round follows; otherwise the cycle ends. Redis stops a cycle
 * after 25% of a CPU tick; here a round count bounds it, so that a run replays exactly. The
 * effect is statistical: after a cycle, roughly no more than the acceptable share of keys with
 * a TTL are expired but still stored.
 */
final class ActiveExpiry {
    private ActiveExpiry() {}

    /** Runs one cycle over {@code volatileKeys}; {@code remove} deletes an expired key. Returns how many expired. */
    static int run(
            SampleArray volatileKeys,
            RandomGenerator random,
            long nowMillis,
            Consumer<Entry> remove,
            int keysPerRound,
            int stalePercentAcceptable,
            int roundsMax) {
        int expiredTotal = 0;
        for (int round = 0; round < roundsMax && volatileKeys.size() > 0; round++) {
            int sampled = Math.min(keysPerRound, volatileKeys.size());
            int expired = 0;
            for (int i = 0; i < sampled && volatileKeys.size() > 0; i++) {
                Entry e = volatileKeys.random(random);
                if (e.isExpiredAt(nowMillis)) {
                    remove.accept(e);
                    expired++;
                }
            }
            expiredTotal += expired;
            if (expired * 100 <= sampled * stalePercentAcceptable) {
                break;
            }
        }
        return expiredTotal;
    }
}
