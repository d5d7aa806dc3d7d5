package sdlab.txlog.server;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import sdlab.txlog.LogRecord;

/**
 * A transaction marker as Kafka's consumer reads it: a record batch v2 of one control record, whose attributes say
 * "transactional" and "control", whose key is (version 0, type: 0 abort, 1 commit) and whose value is (version 0,
 * coordinator epoch). The consumer never hands it to the application; it uses it to stop skipping the producer's
 * aborted records and steps its position past it, which is why markers leave gaps in the offsets a consumer sees.
 */
final class ControlBatch {
    private static final short ATTRIBUTES = 0x10 | 0x20; // transactional, control
    private static final short ABORT = 0;
    private static final short COMMIT = 1;
    private static final int CRC_AT = 17;
    private static final int ATTRIBUTES_AT = 21;
    /** A single coordinator that never moves: its epoch stays 0. */
    private static final int COORDINATOR_EPOCH = 0;

    private ControlBatch() {}

    /** The marker's batch at its offset. */
    static byte[] of(LogRecord marker) {
        if (!marker.isMarker()) {
            throw new IllegalArgumentException("not a marker: " + marker);
        }
        short type = marker.control() == LogRecord.Control.COMMIT ? COMMIT : ABORT;
        byte[] record = record(type);
        ByteBuffer batch = ByteBuffer.allocate(RecordBatch.HEADER_BYTES + record.length);
        batch.putLong(marker.offset())
                .putInt(RecordBatch.HEADER_BYTES + record.length - 12) // length after this field
                .putInt(0) // partition leader epoch
                .put((byte) 2) // magic
                .putInt(0) // the CRC, set below
                .putShort(ATTRIBUTES)
                .putInt(0) // last offset delta: one record
                // The node's clock is monotonic, not the wall clock Kafka's timestamps use: say "no timestamp".
                .putLong(-1)
                .putLong(-1)
                .putLong(marker.producerId())
                .putShort(marker.producerEpoch())
                .putInt(-1) // base sequence: markers have none
                .putInt(1)
                .put(record);
        byte[] bytes = batch.array();
        CRC32C crc = new CRC32C();
        crc.update(bytes, ATTRIBUTES_AT, bytes.length - ATTRIBUTES_AT);
        ByteBuffer.wrap(bytes).putInt(CRC_AT, (int) crc.getValue());
        return bytes;
    }

    /** One record: length, attributes, timestamp and offset deltas, key, value, no headers (varints zigzag-coded). */
    private static byte[] record(short type) {
        ByteBuffer key = ByteBuffer.allocate(4).putShort((short) 0).putShort(type);
        ByteBuffer value = ByteBuffer.allocate(6).putShort((short) 0).putInt(COORDINATOR_EPOCH);
        ByteBuffer body = ByteBuffer.allocate(1 + 1 + 1 + 1 + 4 + 1 + 6 + 1)
                .put((byte) 0) // attributes
                .put(zigzag(0)) // timestamp delta
                .put(zigzag(0)) // offset delta
                .put(zigzag(key.capacity()))
                .put(key.array())
                .put(zigzag(value.capacity()))
                .put(value.array())
                .put(zigzag(0)); // header count
        byte[] out = new byte[1 + body.capacity()];
        out[0] = zigzag(body.capacity());
        System.arraycopy(body.array(), 0, out, 1, body.capacity());
        return out;
    }

    /** A small number as a one-byte zigzag varint. */
    private static byte zigzag(int small) {
        int coded = (small << 1) ^ (small >> 31);
        if (coded > 0x7f) {
            throw new IllegalArgumentException(small + " does not fit one varint byte");
        }
        return (byte) coded;
    }
}
