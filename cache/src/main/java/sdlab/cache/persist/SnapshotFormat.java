package sdlab.cache.persist;

import java.nio.charset.StandardCharsets;

/**
 * sdlab's snapshot file ("RDB") format. Not Redis's RDB encoding, which is far richer; this
 * one is small, versioned, and checked end to end:
 *
 * <pre>
 *   magic      8 bytes   "SDLABRDB"
 *   version    1 byte    3 (1 and 2 are still read: 2 is 3 with every key in database 0,
 *                        1 is 2 without sorted sets)
 *   records    one per key, each in the database last selected (0 at first):
 *     select     1 byte 0xFE, then the database number as a varint: the keys that follow
 *                are in that database
 *     type       1 byte   1 string, 2 list, 3 hash, 4 set, 5 sorted set
 *     expireAt   8 bytes  epoch milliseconds, big-endian; -1 for none
 *     key        varint length, bytes
 *     value      string: varint length, bytes
 *                list, set: varint count, then each element as varint length, bytes
 *                hash: varint count, then field and value, each as varint length, bytes
 *                sorted set: varint count, then in score order each member as varint
 *                length, bytes, and its score as the 8 big-endian bytes of the IEEE double
 *   end        1 byte    0xFF
 *   keys       8 bytes   number of records, big-endian
 *   checksum   4 bytes   CRC-32C of every byte before it, big-endian
 * </pre>
 *
 * <p>Varints are unsigned LEB128 (7 bits per byte, low bits first). Redis protects its RDB
 * with a CRC-64; a CRC-32C detects the same torn or flipped bytes for files of this size.
 */
final class SnapshotFormat {
    static final byte[] MAGIC = "SDLABRDB".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;
    /** The second version, which had one database; files of it load into database 0. */
    static final int VERSION_ONE_DATABASE = 2;
    /** The first version, which had no sorted sets; files of it load unchanged. */
    static final int VERSION_WITHOUT_ZSETS = 1;

    static final int TYPE_STRING = 1;
    static final int TYPE_LIST = 2;
    static final int TYPE_HASH = 3;
    static final int TYPE_SET = 4;
    static final int TYPE_ZSET = 5;
    static final int SELECT_DB = 0xFE;
    static final int END = 0xFF;

    private SnapshotFormat() {}
}
