package sdlab.repl;

/**
 * What a node needs beyond {@link ReplConfig} to join late and to read through a page cache. Times are the node's
 * own clock, in nanoseconds.
 *
 * @param joinsLate whether this node starts empty and waits for a {@link ReplMessages.JoinFrom} to copy a snapshot
 * @param pageBytes how many bytes one key stands for: the page (InnoDB's is 16 KiB) a snapshot carries and a cache
 *     holds
 * @param snapshotChunkPages pages per snapshot chunk
 * @param snapshotBytesPerSecond the link's throughput for a snapshot: the primary sends the next chunk only after
 *     this chunk's bytes had time to cross (a cost-model input; the chunk's latency and the joiner's disk sync are
 *     the simulator's)
 * @param cachePagesMax pages the buffer cache holds (least recently used evicted); 0 for none: every page is in memory
 *     and reads cost nothing
 * @param missNanos one page read from disk, for a read or an applied entry that missed the cache
 * @param diskReadSlots page reads the disk serves at once; further misses queue
 */
public record ReadReplicaSettings(
        boolean joinsLate,
        long pageBytes,
        int snapshotChunkPages,
        long snapshotBytesPerSecond,
        int cachePagesMax,
        long missNanos,
        int diskReadSlots) {

    /** No late join and no cache: every node as before this record existed. */
    public static final ReadReplicaSettings NONE = new ReadReplicaSettings(false, 1, 1, 1, 0, 0, 1);

    public ReadReplicaSettings {
        if (pageBytes < 1 || snapshotChunkPages < 1 || snapshotBytesPerSecond < 1 || diskReadSlots < 1) {
            throw new IllegalArgumentException("page size, chunk, throughput and disk slots must be at least 1");
        }
        if (cachePagesMax < 0 || missNanos < 0) {
            throw new IllegalArgumentException("the cache size and miss time cannot be negative");
        }
    }

    /** Whether reads go through a bounded cache (and misses cost a disk read). */
    public boolean cached() {
        return cachePagesMax > 0;
    }

    /** The same settings for a node that joins late. */
    public ReadReplicaSettings joiningLate() {
        return new ReadReplicaSettings(
                true, pageBytes, snapshotChunkPages, snapshotBytesPerSecond, cachePagesMax, missNanos, diskReadSlots);
    }

    /** How long {@code bytes} take to cross the snapshot link. */
    long transferNanos(long bytes) {
        return Math.multiplyExact(bytes, 1_000_000_000L) / snapshotBytesPerSecond;
    }
}
