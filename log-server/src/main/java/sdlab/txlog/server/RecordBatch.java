package sdlab.txlog.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One record batch in Kafka's v2 format (magic 2), kept opaque: the broker reads only the fixed header it needs to
 * decide (producer id, epoch, base sequence, record count, whether it is transactional) and checks the CRC-32C,
 * which covers everything from the attributes to the end. The base offset (the first 8 bytes) is outside the CRC,
 * which is what lets a broker rewrite it to the offset it assigned.
 */
record RecordBatch(
        byte[] bytes, long producerId, short producerEpoch, int baseSequence, int recordCount, boolean transactional) {

    static final int HEADER_BYTES = 61;
    private static final int LENGTH_FIELD_END = 12;
    private static final int MAGIC_AT = 16;
    private static final int CRC_AT = 17;
    private static final int ATTRIBUTES_AT = 21;
    private static final int PRODUCER_ID_AT = 43;
    private static final int PRODUCER_EPOCH_AT = 51;
    private static final int BASE_SEQUENCE_AT = 53;
    private static final int RECORD_COUNT_AT = 57;
    private static final int TRANSACTIONAL_BIT = 0x10;
    private static final int CONTROL_BIT = 0x20;

    /** A batch that fails its checks; the partition's answer is CORRUPT_MESSAGE. */
    static final class CorruptBatchException extends Exception {
        CorruptBatchException(String message) {
            super(message);
        }
    }

    /** Splits a produce request's records field into its batches, checking each one. */
    static List<RecordBatch> split(byte[] records) throws CorruptBatchException {
        if (records == null || records.length == 0) {
            throw new CorruptBatchException("no record batch");
        }
        List<RecordBatch> out = new ArrayList<>();
        ByteBuffer all = ByteBuffer.wrap(records);
        int at = 0;
        while (at < records.length) {
            if (records.length - at < HEADER_BYTES) {
                throw new CorruptBatchException("a batch header cut short at byte " + at);
            }
            int size = all.getInt(at + 8) + LENGTH_FIELD_END;
            if (size < HEADER_BYTES || size > records.length - at) {
                throw new CorruptBatchException("a batch length of " + size + " bytes at byte " + at);
            }
            byte[] bytes = new byte[size];
            all.get(at, bytes);
            out.add(check(bytes));
            at += size;
        }
        return out;
    }

    private static RecordBatch check(byte[] bytes) throws CorruptBatchException {
        ByteBuffer batch = ByteBuffer.wrap(bytes);
        if (batch.get(MAGIC_AT) != 2) {
            throw new CorruptBatchException("magic " + batch.get(MAGIC_AT) + ", only record batch v2 is served");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, ATTRIBUTES_AT, bytes.length - ATTRIBUTES_AT);
        if ((int) crc.getValue() != batch.getInt(CRC_AT)) {
            throw new CorruptBatchException("the batch's CRC-32C does not match its bytes");
        }
        short attributes = batch.getShort(ATTRIBUTES_AT);
        int count = batch.getInt(RECORD_COUNT_AT);
        if (count < 1 || (attributes & CONTROL_BIT) != 0) {
            throw new CorruptBatchException("a producer batch holds at least one record and no control record");
        }
        return new RecordBatch(
                bytes,
                batch.getLong(PRODUCER_ID_AT),
                batch.getShort(PRODUCER_EPOCH_AT),
                batch.getInt(BASE_SEQUENCE_AT),
                count,
                (attributes & TRANSACTIONAL_BIT) != 0);
    }

    /** The batch's bytes with its base offset set to where the log put it. */
    static byte[] atOffset(byte[] stored, long baseOffset) {
        byte[] out = stored.clone();
        ByteBuffer.wrap(out).putLong(0, baseOffset);
        return out;
    }
}
