package sdlab.cache.persist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.ListValue;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.StringValue;
import sdlab.cache.store.Value;

/**
 * Loads a file in the {@link SnapshotFormat} into a keyspace. The checksum is verified at the
 * end; any damage (wrong magic, unknown type, truncation, checksum mismatch) is a
 * {@link SnapshotFormatException} and the caller must not use the half-loaded keyspace. Keys
 * whose TTL passed while the file sat on disk are skipped, as Redis skips them on load.
 */
public final class SnapshotReader {
    /** A bound on any single length, so that a damaged varint cannot ask for a huge array. */
    private static final long LENGTH_MAX = 512L * 1024 * 1024;

    private SnapshotReader() {}

    /** Loads every key of the file into {@code keyspace}; returns how many keys were in the file. */
    public static long load(InputStream in, Keyspace keyspace) throws IOException {
        CRC32C crc = new CRC32C();
        DataInputStream data = new DataInputStream(new CheckedInputStream(in, crc));
        try {
            byte[] magic = new byte[SnapshotFormat.MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, SnapshotFormat.MAGIC)) {
                throw new SnapshotFormatException("not an sdlab snapshot (wrong magic bytes)");
            }
            int version = data.readUnsignedByte();
            if (version != SnapshotFormat.VERSION
                    && version != SnapshotFormat.VERSION_ONE_DATABASE
                    && version != SnapshotFormat.VERSION_WITHOUT_ZSETS) {
                throw new SnapshotFormatException("unsupported snapshot version " + version);
            }
            long records = readRecords(data, keyspace, version == SnapshotFormat.VERSION);
            long declared = data.readLong();
            long computed = crc.getValue();
            int stored = new DataInputStream(in).readInt();
            if (declared != records || (int) computed != stored) {
                throw new SnapshotFormatException("checksum mismatch: the snapshot file is damaged");
            }
            return records;
        } catch (EOFException e) {
            throw new SnapshotFormatException("the snapshot file ends too early (truncated)");
        }
    }

    private static long readRecords(DataInputStream data, Keyspace keyspace, boolean databases) throws IOException {
        long records = 0;
        long nowMillis = keyspace.nowMillis();
        Database db = keyspace.db(0);
        for (int type = data.readUnsignedByte(); type != SnapshotFormat.END; type = data.readUnsignedByte()) {
            if (type == SnapshotFormat.SELECT_DB && databases) {
                long index = varint(data);
                if (index >= keyspace.databaseCount()) {
                    throw new SnapshotFormatException("the snapshot has keys in database " + index
                            + " but the server has " + keyspace.databaseCount() + " (databases)");
                }
                db = keyspace.db((int) index);
                continue;
            }
            long expireAt = data.readLong();
            Key key = Key.wrap(blob(data));
            Value value = readValue(type, data, keyspace);
            records++;
            if (expireAt != Entry.NO_EXPIRY && expireAt <= nowMillis) {
                continue;
            }
            if (db.contains(key)) {
                throw new SnapshotFormatException("duplicate key in snapshot: " + key);
            }
            Entry e = db.add(key, value);
            if (expireAt != Entry.NO_EXPIRY) {
                db.setExpiry(e, expireAt);
            }
        }
        return records;
    }

    private static Value readValue(int type, DataInputStream data, Keyspace keyspace) throws IOException {
        return switch (type) {
            case SnapshotFormat.TYPE_STRING -> new StringValue(blob(data));
            case SnapshotFormat.TYPE_LIST -> {
                ListValue list = new ListValue();
                for (long i = varint(data); i > 0; i--) {
                    list.pushTail(blob(data));
                }
                yield list;
            }
            case SnapshotFormat.TYPE_HASH -> {
                HashValue hash = new HashValue();
                for (long i = varint(data); i > 0; i--) {
                    hash.put(Key.wrap(blob(data)), blob(data));
                }
                yield hash;
            }
            case SnapshotFormat.TYPE_SET -> {
                SetValue set = new SetValue();
                for (long i = varint(data); i > 0; i--) {
                    set.add(Key.wrap(blob(data)));
                }
                yield set;
            }
            case SnapshotFormat.TYPE_ZSET -> readSortedSet(data, keyspace);
            default -> throw new SnapshotFormatException("unknown record type " + type);
        };
    }

    private static SortedSetValue readSortedSet(DataInputStream data, Keyspace keyspace) throws IOException {
        SortedSetValue zset = new SortedSetValue(keyspace.random());
        for (long i = varint(data); i > 0; i--) {
            Key member = Key.wrap(blob(data));
            double score = Double.longBitsToDouble(data.readLong());
            if (Double.isNaN(score) || !zset.put(member, score)) {
                throw new SnapshotFormatException("bad sorted-set member in snapshot: " + member);
            }
        }
        return zset;
    }

    private static byte[] blob(DataInputStream data) throws IOException {
        byte[] bytes = new byte[(int) varint(data)];
        data.readFully(bytes);
        return bytes;
    }

    private static long varint(DataInputStream data) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = data.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > LENGTH_MAX) {
                    throw new SnapshotFormatException("length " + value + " is out of range");
                }
                return value;
            }
        }
        throw new SnapshotFormatException("malformed length");
    }
}
