/**
 * Chapter 13, cache warm-up: which way of filling a cache minimises the latency of the first
 * requests after a deploy, for rarely read, latency-critical data in front of a slow database.
 *
 * <p>A freshly started service ({@link sdlab.chapters.cache.warmup.ServiceNode}) keeps its records
 * in an in-process cache, the cache module's engine, which starts empty. Behind it, a database
 * ({@link sdlab.chapters.cache.warmup.DatabaseNode}) serves statements on a bounded pool of
 * connections, each taking a slow, log-normally variable time. Four policies
 * ({@link sdlab.chapters.cache.warmup.WarmupVariant}) fill the cache: lazy loading on a miss,
 * pre-population of the whole data set in pages at start-up, write-through, and a TTL of zero.
 *
 * <p>The traffic ({@link sdlab.chapters.cache.warmup.RareReadsAndWrites}) is the same for every
 * variant of a seed: uniform reads over a data set much larger than the number of requests, so
 * that most records are read once, and a few writes. It begins after the instance's readiness
 * delay, the time a rolling deploy gives a new instance before sending it requests; pre-population
 * runs in that delay. The lab measures read latency, cold misses (reads of records the cache has
 * not held since the deploy), the database's queries, rows and queue, and the cache's memory.
 *
 * <p>What a TTL of zero means depends on the cache: in Redis an expiry of zero removes the key at
 * once (and {@code SET ... EX 0} is an error), which is what the lab models; in memcached an
 * exptime of 0 means "never expires", which is lazy loading without expiry.
 */
package sdlab.chapters.cache.warmup;
