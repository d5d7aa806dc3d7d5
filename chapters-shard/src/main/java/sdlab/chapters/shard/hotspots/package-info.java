/**
 * Chapter 16: hotspots and their remedies on chapter 15's sharded store. Six hotspots (an unlucky token assignment,
 * monotonic inserts, a hot range, a celebrity key, a hot write key, a hot read key), each without and with the remedy
 * prescribed for it (virtual nodes, load-based splitting with moves, per-key rate limiting of the keys a shard's top-k
 * names, key salting, a read cache with single-flight, read copies picked at random, by least load or by two choices),
 * and the celebrity under virtual nodes too: the hottest shard's load and the p99 before and after, and the remedy's
 * cost (splits, keys moved, refusals for stale tables, refused requests, read fan-out, stale reads, extra messages,
 * cache entries).
 */
package sdlab.chapters.shard.hotspots;
