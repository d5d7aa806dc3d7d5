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
    KEY_LIMIT("limit", "per-key rate limiting: virtual nodes, and each shard holds its top-k's keys to --key-limit");

    final String suffix;
    final String description;

    Remedy(String suffix, String description) {
        this.suffix = suffix;
        this.description = description;
    }
}
