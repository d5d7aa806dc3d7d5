package sdlab.chapters.cache.redismemcached;

import java.util.SplittableRandom;
import sdlab.lab.ParamValues;
import sdlab.sim.KeyChooser;

/**
 * Chapter 11's eviction trial: a stream of GETs of Zipfian popularity through a store whose memory
 * holds only a share of the keys; every miss is filled with a SET, as a cache-aside client does.
 * The hit ratio after the warm-up says how well the store's eviction policy keeps the keys that
 * will be asked for next.
 *
 * <p>Timing plays no part in which keys are kept, so the trial drives the store directly instead of
 * through the simulator. The key stream depends on the seed only: every policy sees the same one.
 * Each store's memory limit is what {@code memory-share} of the keys takes in that store's own
 * accounting, so each holds about the same number of keys.
 */
final class EvictionTrial {
    private static final long KEY_STREAM_SALT = 0x2545F4914F6CDD1DL;
    private static final long STORE_SEED_SALT = 0x9E3779B97F4A7C15L;

    /** Wall-clock of the trial: an arbitrary epoch that advances a millisecond per request. */
    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    /**
     * What a trial counted after the warm-up.
     *
     * @param gets GETs counted
     * @param hits those that found their key
     */
    record Result(long gets, long hits) {}

    private EvictionTrial() {}

    static Result run(StoreKind kind, ParamValues values, long seed) {
        int keys = values.get(ServerParams.KEYS);
        int valueBytes = values.get(ServerParams.VALUE_BYTES);
        int requests = values.get(ServerParams.EVICTION_REQUESTS);
        int capacityKeys = Math.max(1, (int) Math.round(keys * values.get(ServerParams.MEMORY_SHARE)));
        long[] clockMillis = {EPOCH_MILLIS};
        CacheStore store = kind.create(
                memoryFor(kind, capacityKeys, valueBytes),
                () -> clockMillis[0],
                new SplittableRandom(seed ^ STORE_SEED_SALT));
        KeyChooser chooser = KeyChooser.zipfian(keys, values.get(ServerParams.ZIPF));
        SplittableRandom keyStream = new SplittableRandom(seed ^ KEY_STREAM_SALT);
        int warmup = requests / 5;
        long gets = 0;
        long hits = 0;
        for (int i = 0; i < requests; i++) {
            clockMillis[0]++;
            String key = chooser.next(keyStream);
            byte[] value = store.get(key);
            if (i >= warmup) {
                gets++;
                hits += value == null ? 0 : 1;
            }
            if (value == null) {
                store.set(key, DataSet.valueOf(key, valueBytes));
            }
        }
        return new Result(gets, hits);
    }

    /** The memory {@code capacityKeys} keys take in a store of {@code kind}, measured by storing them. */
    static long memoryFor(StoreKind kind, int capacityKeys, int valueBytes) {
        CacheStore scratch = kind.create(0, () -> EPOCH_MILLIS, new SplittableRandom(0));
        new DataSet(capacityKeys, valueBytes).loadInto(scratch);
        return scratch.usedMemoryBytes();
    }
}
