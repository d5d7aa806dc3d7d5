package sdlab.chapters.cache.redismemcached;

/** Redis's {@code appendfsync}: when the append-only file is forced to the disk. */
enum AppendFsync {
    /** Before a write is acknowledged: an acknowledged write survives any crash. */
    ALWAYS,
    /** Once a second, in the background: a machine crash loses up to about a second of acknowledged writes. */
    EVERYSEC,
    /** Never by Redis: the operating system writes dirty pages back when it chooses (about every 30 s). */
    NO
}
