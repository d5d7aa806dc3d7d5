package sdlab.cache.persist;

import java.util.Map;
import java.util.zip.CRC32C;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SnapshotSink;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.StringValue;
import sdlab.cache.store.Value;

/** Encodes a snapshot in the {@link SnapshotFormat}; call {@link #finish} after the last key. */
public final class SnapshotWriter implements SnapshotSink {
    private final ByteOutput out;
    private final CRC32C crc = new CRC32C();
    private final byte[] scratch = new byte[10];
    private long keys;
    private int db;
    private boolean finished;

    /** Writes the header to {@code out} at once. */
    public SnapshotWriter(ByteOutput out) {
        this.out = out;
        bytes(SnapshotFormat.MAGIC);
        single(SnapshotFormat.VERSION);
    }

    @Override
    public void write(int db, Key key, Value value, long expireAtMillis) {
        assert !finished : "write after finish";
        if (db != this.db) {
            single(SnapshotFormat.SELECT_DB);
            varint(db);
            this.db = db;
        }
        switch (value) {
            case StringValue s -> {
                header(SnapshotFormat.TYPE_STRING, key, expireAtMillis);
                blob(s.bytes());
            }
            case ListValue l -> {
                header(SnapshotFormat.TYPE_LIST, key, expireAtMillis);
                varint(l.size());
                for (int i = 0; i < l.size(); i++) {
                    blob(l.get(i));
                }
            }
            case HashValue h -> {
                header(SnapshotFormat.TYPE_HASH, key, expireAtMillis);
                varint(h.size());
                for (Map.Entry<Key, byte[]> field : h.fields().entrySet()) {
                    blob(field.getKey().bytes());
                    blob(field.getValue());
                }
            }
            case SetValue s -> {
                header(SnapshotFormat.TYPE_SET, key, expireAtMillis);
                varint(s.size());
                for (Key member : s.members()) {
                    blob(member.bytes());
                }
            }
            case SortedSetValue z -> {
                header(SnapshotFormat.TYPE_ZSET, key, expireAtMillis);
                varint(z.size());
                for (SortedSetNode n = z.first(); n != null; n = n.next()) {
                    blob(n.member().bytes());
                    long64(Double.doubleToRawLongBits(n.score()));
                }
            }
        }
        keys++;
    }

    /** Writes the end marker, the key count and the checksum. */
    public void finish() {
        assert !finished : "finished twice";
        finished = true;
        single(SnapshotFormat.END);
        long64(keys);
        int checksum = (int) crc.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.writeByte(checksum >>> shift);
        }
    }

    public long keys() {
        return keys;
    }

    private void header(int type, Key key, long expireAtMillis) {
        single(type);
        long64(expireAtMillis);
        blob(key.bytes());
    }

    private void blob(byte[] value) {
        varint(value.length);
        bytes(value);
    }

    private void varint(long value) {
        int n = 0;
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            scratch[n++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        scratch[n++] = (byte) rest;
        crc.update(scratch, 0, n);
        out.writeBytes(scratch, 0, n);
    }

    private void long64(long value) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (56 - 8 * i));
        }
        crc.update(scratch, 0, 8);
        out.writeBytes(scratch, 0, 8);
    }

    private void single(int b) {
        crc.update(b);
        out.writeByte(b);
    }

    private void bytes(byte[] value) {
        crc.update(value, 0, value.length);
        out.writeBytes(value);
    }
}
