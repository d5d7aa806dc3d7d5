package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.cache.persist.AppendFsync;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * One node chapter 11 compares: two memcached-like nodes that differ in protocol, and Redis-like
 * nodes that differ in eviction policy or in persistence, one thing at a time.
 *
 * @param name the variant's name in reports
 * @param description one line on what it is
 * @param spec the node
 */
record ServerVariant(String name, String description, ServerSpec spec) {
    static final String MEMCACHED = "memcached";
    static final String MEMCACHED_BINARY = "memcached-binary";
    static final String REDIS = "redis";
    static final String REDIS_EXACT_LRU = "redis-exact-lru";
    static final String REDIS_LFU = "redis-lfu";
    static final String REDIS_RDB = "redis-rdb";
    static final String REDIS_AOF_NO = "redis-aof-no";
    static final String REDIS_AOF_EVERYSEC = "redis-aof-everysec";
    static final String REDIS_AOF_ALWAYS = "redis-aof-always";

    /** How often the operating system writes dirty pages back (Linux's dirty_expire_centisecs: 30 s). */
    static final Duration OS_WRITEBACK = Duration.ofSeconds(30);

    /** Every variant, configured from the user's parameters. */
    static List<ServerVariant> all(ParamValues values) {
        int threads = values.get(ServerParams.MEMCACHED_THREADS);
        PersistencePolicy none = new PersistencePolicy.None();
        ServerSpec memcached = new ServerSpec(WireProtocol.MEMCACHED_TEXT, threads, StoreKind.MEMCACHED_LRU, none);
        ServerSpec redis = new ServerSpec(WireProtocol.RESP, 1, StoreKind.REDIS_SAMPLED_LRU, none);
        return List.of(
                new ServerVariant(
                        MEMCACHED, "memcached: text protocol, " + threads + " worker threads, LRU, no disk", memcached),
                new ServerVariant(
                        MEMCACHED_BINARY,
                        "memcached with the binary protocol instead of text",
                        new ServerSpec(WireProtocol.MEMCACHED_BINARY, threads, StoreKind.MEMCACHED_LRU, none)),
                new ServerVariant(REDIS, "Redis: RESP, one event loop, allkeys-lru (sampled), persistence off", redis),
                new ServerVariant(
                        REDIS_EXACT_LRU,
                        "Redis evicting the exact least recently used key",
                        withStore(redis, StoreKind.REDIS_EXACT_LRU)),
                new ServerVariant(REDIS_LFU, "Redis with allkeys-lfu", withStore(redis, StoreKind.REDIS_LFU)),
                new ServerVariant(
                        REDIS_RDB,
                        "Redis with RDB snapshots every " + values.text(ServerParams.SNAPSHOT_EVERY),
                        withPersistence(
                                redis, new PersistencePolicy.Snapshots(values.get(ServerParams.SNAPSHOT_EVERY)))),
                aof(REDIS_AOF_NO, redis, AppendFsync.NO),
                aof(REDIS_AOF_EVERYSEC, redis, AppendFsync.EVERYSEC),
                aof(REDIS_AOF_ALWAYS, redis, AppendFsync.ALWAYS));
    }

    /** True when the node keeps something on disk. */
    boolean persists() {
        return spec.persists();
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("protocol", spec.protocol().name().toLowerCase(Locale.ROOT));
        settings.put("workers", spec.workers());
        settings.put("eviction", spec.store().label());
        settings.put("persistence", spec.persistence().label());
        return new Variant(name, description, settings);
    }

    private static ServerVariant aof(String name, ServerSpec redis, AppendFsync fsync) {
        String policy = fsync.name().toLowerCase(Locale.ROOT);
        return new ServerVariant(
                name,
                "Redis with an append-only file, appendfsync " + policy,
                withPersistence(redis, new PersistencePolicy.AppendOnly(fsync, OS_WRITEBACK, false)));
    }

    private static ServerSpec withStore(ServerSpec spec, StoreKind store) {
        return new ServerSpec(spec.protocol(), spec.workers(), store, spec.persistence());
    }

    private static ServerSpec withPersistence(ServerSpec spec, PersistencePolicy persistence) {
        return new ServerSpec(spec.protocol(), spec.workers(), spec.store(), persistence);
    }
}
