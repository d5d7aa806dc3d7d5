package sdlab.chapters.cache.redismemcached;

import java.util.Objects;

/**
 * What a cache node is, as chapter 11 varies it: its wire protocol, how many workers serve
 * requests, where its data lives (and so how it evicts), and how it persists.
 *
 * @param protocol how requests and replies are framed
 * @param workers requests served at once: 1 for Redis's event loop, the thread count for memcached
 * @param store the store and its eviction policy
 * @param persistence what reaches the disk
 */
record ServerSpec(WireProtocol protocol, int workers, StoreKind store, PersistencePolicy persistence) {
    ServerSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(persistence, "persistence");
        if (workers < 1) {
            throw new IllegalArgumentException("a node needs at least one worker, got " + workers);
        }
        if (!store.isRedis() && !(persistence instanceof PersistencePolicy.None)) {
            throw new IllegalArgumentException(
                    "memcached persists nothing; only the Redis engine takes " + persistence);
        }
    }

    /** True when something reaches the disk. */
    boolean persists() {
        return !(persistence instanceof PersistencePolicy.None);
    }

    /** The same node with the planted bug: an {@code appendfsync always} file that acknowledges before its sync. */
    ServerSpec acknowledgingBeforeFsync() {
        if (persistence instanceof PersistencePolicy.AppendOnly aof) {
            return new ServerSpec(
                    protocol, workers, store, new PersistencePolicy.AppendOnly(aof.fsync(), aof.osWriteback(), true));
        }
        return this;
    }
}
