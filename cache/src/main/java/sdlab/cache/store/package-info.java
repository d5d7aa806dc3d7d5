/**
 * The keyspace: keys and their values (strings, lists, hashes, sets, sorted sets), time to live, memory
 * accounting, eviction and point-in-time snapshots, following Redis 7 ({@code db.c},
 * {@code expire.c}, {@code evict.c}).
 *
 * <ul>
 *   <li><b>Expiry</b> is lazy (every lookup first deletes a key whose TTL passed) and active
 *       ({@link sdlab.cache.store.Keyspace#activeExpireCycle}: sample 20 keys with a TTL, delete
 *       the expired, repeat while more than 10% were expired, within a bound).
 *   <li><b>Memory</b> is an estimate per key kept exact under every change
 *       ({@link sdlab.cache.store.MemoryAccounting}), compared with {@code maxmemory}.
 *   <li><b>Eviction</b> is a Strategy ({@link sdlab.cache.store.EvictionPolicy}) with Redis's
 *       eight policies. LRU comes in two modes: Redis's sampled approximation (sample
 *       {@code maxmemory-samples} keys into a 16-slot eviction pool) and exact LRU (an
 *       access-ordered linked list), so that the lab can measure what the approximation costs
 *       in hit ratio. LFU uses Redis's 8-bit logarithmic counter with decay.
 *   <li><b>Snapshots</b> ({@link sdlab.cache.store.Snapshot}) are incremental with per-key
 *       copy-on-write: the engine's replacement for the {@code fork()} Redis uses for BGSAVE and
 *       BGREWRITEAOF.
 * </ul>
 *
 * <p>Guarantees: deterministic given the clock and random generator; SCAN returns every key
 * present for the whole scan at least once (Redis's reverse-binary cursor over
 * {@link sdlab.cache.store.KeyTable}). Not guaranteed: that accounted memory matches the JVM
 * heap; eviction that is time-bounded (it is count-bounded instead); resistance to
 * hash-flooding (Redis seeds SipHash; this table does not).
 */
package sdlab.cache.store;
