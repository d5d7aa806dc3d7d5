/**
 * Hot keys: finding them online in bounded memory with the space-saving top-k summary (Metwally et al. 2005), which
 * every shard keeps over the requests it serves, and the building blocks of the remedies: per-key rate limits, key
 * salting, a TTL cache with single-flight request coalescing, and replica choice by piggybacked queue depth (random,
 * round-robin, least-loaded, power of two choices).
 */
package sdlab.shard.hot;
