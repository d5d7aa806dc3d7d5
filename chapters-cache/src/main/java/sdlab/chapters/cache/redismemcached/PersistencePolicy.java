package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.Locale;
import sdlab.cache.CacheEngine;
import sdlab.cache.persist.AppendFsync;
import sdlab.core.NodeContext;

/** How a node is configured to persist: nothing, an append-only file, or periodic snapshots. A value. */
sealed interface PersistencePolicy {

    /** The running persistence of one incarnation of a node whose data is {@code store}. */
    Persistence open(NodeContext ctx, CacheStore store);

    /** One line for reports. */
    String label();

    /** Nothing reaches the disk: a restart starts empty. */
    record None() implements PersistencePolicy {
        @Override
        public Persistence open(NodeContext ctx, CacheStore store) {
            return Persistence.NONE;
        }

        @Override
        public String label() {
            return "none";
        }
    }

    /**
     * Redis's append-only file: every change appended as a RESP command, synced as {@code fsync} says.
     *
     * @param fsync when the file is synced
     * @param osWriteback how often the operating system writes dirty pages back, which is all that syncs the
     *     file under {@link AppendFsync#NO}
     * @param acksBeforeFsync the planted bug of the shared {@link sdlab.cache.persist.AofWriter}, the same switch the
     *     cache node's power-loss test flips: with {@link AppendFsync#ALWAYS}, acknowledge once written and leave the
     *     sync to the once-a-second tick
     */
    record AppendOnly(AppendFsync fsync, Duration osWriteback, boolean acksBeforeFsync) implements PersistencePolicy {
        @Override
        public Persistence open(NodeContext ctx, CacheStore store) {
            return new AppendOnlyFile(this, ctx, redisEngineOf(store));
        }

        @Override
        public String label() {
            return "AOF, appendfsync " + fsync.name().toLowerCase(Locale.ROOT)
                    + (acksBeforeFsync ? " (acknowledging before the fsync)" : "");
        }
    }

    /**
     * Redis's RDB snapshots: the whole data set written to a new file whenever {@code period} has passed with at
     * least one change ({@code save <seconds> 1}).
     */
    record Snapshots(Duration period) implements PersistencePolicy {
        @Override
        public Persistence open(NodeContext ctx, CacheStore store) {
            return new SnapshotSchedule(period, ctx, redisEngineOf(store));
        }

        @Override
        public String label() {
            return "RDB snapshot every " + period.toMillis() + " ms";
        }
    }

    private static CacheEngine redisEngineOf(CacheStore store) {
        if (store instanceof RedisStore redis) {
            return redis.engine();
        }
        throw new IllegalArgumentException("only the Redis engine persists; memcached keeps nothing on disk");
    }
}
