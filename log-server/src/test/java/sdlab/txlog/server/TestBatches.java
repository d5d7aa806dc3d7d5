package sdlab.txlog.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** Record batches (v2) and Produce requests made by hand, as a producer would. */
final class TestBatches {
    private TestBatches() {}

    /** A batch of one record with {@code value}, no key, from a producer at {@code sequence}. */
    static byte[] oneRecord(long producerId, short epoch, int sequence, String value) {
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] record = new TestWriter()
                .int8(0) // attributes
                .varint(0) // timestamp delta
                .varint(0) // offset delta
                .varint(-1) // no key
                .varint(valueBytes.length)
                .raw(valueBytes)
                .varint(0) // no headers
                .bytes();
        byte[] afterCrc = new TestWriter()
                .int16(0) // attributes: no compression, not transactional
                .int32(0) // last offset delta
                .int64(1_700_000_000_000L) // base timestamp
                .int64(1_700_000_000_000L) // max timestamp
                .int64(producerId)
                .int16(epoch)
                .int32(sequence)
                .int32(1) // record count
                .raw(new TestWriter().varint(record.length).raw(record).bytes())
                .bytes();
        CRC32C crc = new CRC32C();
        crc.update(afterCrc);
        return new TestWriter()
                .int64(0) // base offset
                .int32(4 + 1 + 4 + afterCrc.length) // length: from the leader epoch on
                .int32(-1) // partition leader epoch
                .int8(2) // magic
                .int32((int) crc.getValue())
                .raw(afterCrc)
                .bytes();
    }

    /** The same batch with one byte of its value flipped, so its CRC no longer matches. */
    static byte[] corrupted(byte[] batch) {
        byte[] out = batch.clone();
        out[out.length - 2] ^= 0x01;
        return out;
    }

    /** A Produce v9 body writing {@code batch} to one partition with {@code acks=all}. */
    static byte[] produce(String topic, int partition, byte[] batch) {
        return produce(topic, partition, batch, -1);
    }

    /** A Produce v9 body writing {@code batch} to one partition with {@code acks}. */
    static byte[] produce(String topic, int partition, byte[] batch, int acks) {
        return new TestWriter()
                .compactString(null) // no transactional id
                .int16(acks)
                .int32(5_000)
                .unsignedVarint(2)
                .compactString(topic)
                .unsignedVarint(2)
                .int32(partition)
                .compactBytes(batch)
                .unsignedVarint(0)
                .unsignedVarint(0)
                .unsignedVarint(0)
                .bytes();
    }

    /** From a Produce v9 answer for one partition: its error code and base offset. */
    static long[] produceOutcome(ByteBuffer answer) {
        skipCompact(answer, 1); // topic count
        skipString(answer);
        skipCompact(answer, 1); // partition count
        answer.getInt(); // partition
        short error = answer.getShort();
        long baseOffset = answer.getLong();
        return new long[] {error, baseOffset};
    }

    private static void skipCompact(ByteBuffer in, int expected) {
        int count = in.get() - 1;
        if (count != expected) {
            throw new IllegalStateException("expected " + expected + " elements, got " + count);
        }
    }

    private static void skipString(ByteBuffer in) {
        int length = in.get() - 1;
        in.position(in.position() + length);
    }
}
