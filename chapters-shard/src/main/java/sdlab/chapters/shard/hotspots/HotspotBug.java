package sdlab.chapters.shard.hotspots;

/** The bugs chapter 16's planted-bug tests plant, one per remedy they break; {@link #NONE} as users run it. */
enum HotspotBug {
    NONE,
    /** Load splits that never move a half away: the hot range splits and stays on its shard. */
    SPLITS_NEVER_MOVE,
    /** Salting that always writes sub-key 0: the hot write key stays on one shard. */
    SALT_ALWAYS_FIRST,
    /** A read cache whose single-flight does not coalesce: every miss sends its own fetch. */
    NO_COALESCING,
    /** An invalidated read cache that drops entries under another form of the key: no entry is ever dropped. */
    INVALIDATES_ANOTHER_KEY,
    /** Load-aware copy choice that compares the wrong way and picks the longer queue. */
    PREFER_LONGER_QUEUE
}
