package sdlab.cache;

import sdlab.cache.store.Database;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.KeyspaceStats;

/** The INFO fields the engine knows, with Redis's names. */
final class EngineInfo {
    /** The Redis version clients are told; 7.0 is the behaviour this engine follows. */
    static final String REDIS_VERSION = "7.0.0";

    private EngineInfo() {}

    static void describe(CacheEngine engine, InfoReport info) {
        Keyspace keyspace = engine.keyspace();
        KeyspaceStats stats = keyspace.stats();
        info.field("server", "redis_version", REDIS_VERSION)
                .field("server", "redis_mode", "standalone")
                .field("server", "sdlab_engine", "sdlab-cache");
        info.field("memory", "used_memory", keyspace.usedMemoryBytes())
                .field("memory", "used_memory_human", MemorySize.human(keyspace.usedMemoryBytes()))
                .field("memory", "used_memory_peak", keyspace.peakMemoryBytes())
                .field("memory", "used_memory_peak_human", MemorySize.human(keyspace.peakMemoryBytes()))
                .field("memory", "maxmemory", keyspace.maxmemoryBytes())
                .field("memory", "maxmemory_human", MemorySize.human(keyspace.maxmemoryBytes()))
                .field("memory", "maxmemory_policy", keyspace.evictionPolicyName())
                .field(
                        "memory",
                        "lru_mode",
                        keyspace.evictionSettings().lruMode().wireName());
        info.field("clients", "blocked_clients", engine.blockedClients().count());
        // Redis 7.4's names: how many keys WATCH holds, so that a leak of dropped clients would show.
        info.field("clients", "total_watched_keys", engine.watches().watchedKeyCount());
        info.field("stats", "total_commands_processed", engine.commandsProcessed())
                .field("stats", "keyspace_hits", stats.hits())
                .field("stats", "keyspace_misses", stats.misses())
                .field("stats", "expired_keys", stats.expiredKeys())
                .field("stats", "evicted_keys", stats.evictedKeys());
        info.field("replication", "role", "master").field("replication", "connected_slaves", 0);
        for (int index = 0; index < keyspace.databaseCount(); index++) {
            Database db = keyspace.db(index);
            if (db.size() > 0) {
                // avg_ttl: Redis estimates it while expiring; this engine does not, and says 0 as Redis does before its
                // estimate.
                info.field(
                        "keyspace", "db" + index, "keys=" + db.size() + ",expires=" + db.volatileSize() + ",avg_ttl=0");
            }
        }
    }
}
