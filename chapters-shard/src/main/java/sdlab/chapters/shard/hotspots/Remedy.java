package sdlab.chapters.shard.hotspots;

/**
 * How a variant's store is set up: the scheme and, for the remedy variants, the remedy. Each hotspot is run without
 * and with the remedy the textbooks prescribe for it, and the celebrity also with the one they do not.
 */
enum Remedy {
    NONE_RING1("ring1", "no remedy: consistent hashing, one token per shard"),
    VIRTUAL_NODES("vnodes", "virtual nodes: --tokens tokens per shard"),
    NONE_RANGES("static", "no remedy: ranges of equal key counts that never split or move"),
    LOAD_SPLITS("split", "load-based splitting: a hot range splits and its upper half moves to the coolest shard"),
    KEY_LIMIT("limit", "per-key rate limiting: virtual nodes, and each shard holds its top-k's keys to --key-limit"),
    SALTED(
            "salted",
            "key salting: virtual nodes, and the routers write the hot key to one of --salts sub-keys at random and"
                    + " read it by gathering them all"),
    READ_CACHE(
            "cache",
            "a read cache: virtual nodes, and every get goes through one cache tier that keeps the keys its top-k"
                    + " names hot for --cache-ttl and coalesces concurrent misses of a key into one fetch"),
    READ_CACHE_INVALIDATED(
            "invalidated",
            "a read cache as above, whose entries the shards' writes invalidate: each shard it fetches from tells it of"
                    + " every write it applies, and a fetch that crossed such a message is relayed but not kept"),
    COPIES_RANDOM(
            "random",
            "read copies: virtual nodes, --copies copies of every shard written together (the last --slow-copy times"
                    + " slower), a read to a random copy"),
    COPIES_LEAST_LOADED(
            "leastloaded",
            "read copies: as random, but a read goes to the copy with the shortest queue the router last heard of"),
    COPIES_TWO_CHOICES(
            "p2c",
            "read copies: as random, but a read goes to the shorter-queued of two random copies (power of two"
                    + " choices)");

    final String suffix;
    final String description;

    Remedy(String suffix, String description) {
        this.suffix = suffix;
        this.description = description;
    }
}
