package sdlab.chapters.cache.redismemcached;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import sdlab.cache.CacheConfig;
import sdlab.cache.CacheEngine;
import sdlab.cache.ClientSession;
import sdlab.cache.Reply;
import sdlab.cache.store.EvictionSettings;

/** The Redis-like node's data: the cache engine, driven with the same GET and SET commands a client sends. */
final class RedisStore implements CacheStore {
    private static final byte[] GET = ascii("GET");
    private static final byte[] SET = ascii("SET");

    private final CacheEngine engine;
    private final ClientSession session;

    /**
     * @param eviction the engine's maxmemory policy
     * @param maxmemoryBytes its memory limit, 0 for none
     * @param clockMillis the node's clock in milliseconds
     * @param random the node's generator, for sampled eviction
     */
    RedisStore(EvictionSettings eviction, long maxmemoryBytes, LongSupplier clockMillis, RandomGenerator random) {
        CacheConfig config = CacheConfig.defaults().withEviction(eviction).withMaxmemory(maxmemoryBytes);
        this.engine = new CacheEngine(config, clockMillis, random);
        this.session = engine.newSession();
    }

    /** The engine, for the persistence policy that logs and snapshots it. */
    CacheEngine engine() {
        return engine;
    }

    @Override
    public byte[] get(String key) {
        return switch (engine.execute(session, new byte[][] {GET, ascii(key)})) {
            case Reply.Bulk bulk -> bulk.bytes();
            case Reply.Nil nil -> null;
            case Reply other -> throw new IllegalStateException("GET " + key + " answered " + other);
        };
    }

    @Override
    public boolean set(String key, byte[] value) {
        return switch (engine.execute(session, new byte[][] {SET, ascii(key), value})) {
            case Reply.Simple ok -> true;
            // OOM: nothing could be evicted (a noeviction policy, or a value larger than the limit).
            case Reply.Error refused -> false;
            case Reply other -> throw new IllegalStateException("SET " + key + " answered " + other);
        };
    }

    @Override
    public long usedMemoryBytes() {
        return engine.keyspace().usedMemoryBytes();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
