/**
 * Chapter 11, Redis vs Memcached: which feature decides for a cache that must survive restarts.
 *
 * <p>Nine cache nodes ({@link sdlab.chapters.cache.redismemcached.ServerVariant}) differ from one
 * another in one feature at a time: the wire protocol (RESP, memcached text, memcached binary,
 * {@link sdlab.chapters.cache.redismemcached.WireProtocol}), the number of workers (Redis's one
 * event loop or memcached's threads), the store and its eviction policy (the memcached store's
 * striped LRU, or the cache engine's sampled LRU, exact LRU or LFU), and persistence (none, RDB
 * snapshots, or an append-only file with {@code appendfsync} always, everysec or no). The stores,
 * eviction policies and file formats are the cache module's own; the append-only file is Redis's
 * format, written through the node's simulated disk and replayed with the cache module's reader,
 * which cuts off a torn last command. When it is written and synced, and when a SET's reply may go,
 * is decided by {@link sdlab.cache.persist.AofWriter}, the same code the real cache node runs over
 * its files ({@link sdlab.chapters.cache.redismemcached.AppendOnlyFile} is a thin adapter).
 *
 * <p>Each node meets three measurements per seed: a machine crash while writers set keys of their
 * own ({@link sdlab.chapters.cache.redismemcached.CrashScenario}), a Zipfian stream through a store
 * too small for it ({@link sdlab.chapters.cache.redismemcached.EvictionTrial}), and a saturating
 * load ({@link sdlab.chapters.cache.redismemcached.LoadScenario}). What is modelled rather than
 * measured: the service time of a request (a fixed cost plus a cost per byte scanned by the parser)
 * and the disk's sync latency. The replies of {@code appendfsync always} wait for a sync covering
 * their write, with syncs grouped as Redis groups them per event-loop iteration; the event loop
 * itself is not blocked by the sync, as it would be in Redis, so throughput under {@code always}
 * is if anything flattered.
 *
 * <p>The crash is a power loss: unsynced writes are lost, and the unsynced tail of a file may
 * survive cut at a random byte. A process kill (kill -9) keeps the operating system's page cache and
 * is gentler; cache-server's crash tests measure that case with a real process.
 */
package sdlab.chapters.cache.redismemcached;
