package sdlab.cache.store;

/**
 * How the keyspace counts {@code used_memory}: an estimate of the heap bytes each key costs,
 * kept exact under every change, so that {@code maxmemory} and eviction behave predictably
 * and identically in the simulator and in the real server.
 *
 * <p>The figures model a 64-bit JVM with compressed references: an object header is 12 bytes
 * and objects are padded to 8; a {@code byte[]} of n bytes costs 16 + n rounded up to 8. A key
 * costs its {@link Entry} (with its slots in the hash table and the sampling arrays), its
 * {@link Key} object and its bytes, plus its value:
 *
 * <ul>
 *   <li>string: the {@link StringValue} object and its byte array;
 *   <li>list: the ring buffer object, plus per element its array and an 8-byte slot;
 *   <li>hash: a map object, plus per field a map node, the field key and the value array;
 *   <li>set: a map object, plus per member a map node and the member key;
 *   <li>sorted set: a map object and a skiplist (with its 32-level header node), plus per
 *       member a map node, the member key and a skiplist node with its forward and span arrays,
 *       whose length is the node's level.
 * </ul>
 *
 * <p>It is an estimate, not a measurement: the JVM's real footprint also depends on garbage
 * not yet collected and on the collector's headroom, which is why the server reports this
 * figure as {@code used_memory} (as Redis reports what its allocator handed out) and not
 * the process size.
 */
public final class MemoryAccounting {
    /** An {@link Entry} with its hash-table slot and sampling-array slots. */
    public static final long ENTRY_BYTES = 96;
    /** A {@link Key} object, without its byte array. */
    public static final long KEY_OBJECT_BYTES = 16;

    static final long STRING_OBJECT_BYTES = 16;
    static final long LIST_OBJECT_BYTES = 48;
    static final long MAP_OBJECT_BYTES = 64;
    static final long MAP_NODE_BYTES = 48;
    static final long SLOT_BYTES = 8;
    /** Skiplist object (16) and its header node with 32 forward and span slots. */
    static final long SKIPLIST_OBJECT_BYTES = 16 + skiplistNodeBytes(SkipList.LEVEL_MAX);

    private MemoryAccounting() {}

    /** A byte array of {@code length} bytes: a 16-byte header, then the data padded to 8. */
    public static long byteArrayBytes(int length) {
        return 16 + ((length + 7L) & ~7L);
    }

    /** What a key of {@code keyLength} bytes holding {@code value} costs in total. */
    public static long entryBytes(int keyLength, Value value) {
        return ENTRY_BYTES + keyBytes(keyLength) + value.sizeBytes();
    }

    static long keyBytes(int length) {
        return KEY_OBJECT_BYTES + byteArrayBytes(length);
    }

    static long listElementBytes(int length) {
        return SLOT_BYTES + byteArrayBytes(length);
    }

    static long hashFieldBytes(int fieldLength, int valueLength) {
        return MAP_NODE_BYTES + keyBytes(fieldLength) + byteArrayBytes(valueLength);
    }

    static long setMemberBytes(int memberLength) {
        return MAP_NODE_BYTES + keyBytes(memberLength);
    }

    static long zsetMemberBytes(int memberLength, int level) {
        return MAP_NODE_BYTES + keyBytes(memberLength) + skiplistNodeBytes(level);
    }

    /** A node: header, member and backward references, the score, two array references (40). */
    private static long skiplistNodeBytes(int level) {
        long arrayBytes = 16 + ((4L * level + 7) & ~7L);
        return 40 + 2 * arrayBytes;
    }
}
