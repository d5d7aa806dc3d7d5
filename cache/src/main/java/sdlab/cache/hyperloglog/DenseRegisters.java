package sdlab.cache.hyperloglog;

/**
 * The dense encoding: 16384 registers of 6 bits packed after the header, register {@code i}
 * starting at bit {@code 6 i}, least significant bits first, so a register may straddle two
 * bytes. Redis reads one byte past the last register (its strings end with a zero byte); here
 * that byte is simply taken as zero.
 */
final class DenseRegisters {
    static final int BITS = 6;
    static final int VALUE_MAX = (1 << BITS) - 1;
    /** 16384 registers of 6 bits: 12288 bytes. */
    static final int BYTES = HyperLogLog.REGISTERS * BITS / 8;

    private DenseRegisters() {}

    static int get(byte[] bytes, int offset, int index) {
        int bit = index * BITS;
        int at = offset + (bit >>> 3);
        int shift = bit & 7;
        int low = bytes[at] & 0xff;
        int high = at + 1 < bytes.length ? bytes[at + 1] & 0xff : 0;
        return ((low >>> shift) | (high << (8 - shift))) & VALUE_MAX;
    }

    static void set(byte[] bytes, int offset, int index, int value) {
        assert value >= 0 && value <= VALUE_MAX : "register value " + value;
        int bit = index * BITS;
        int at = offset + (bit >>> 3);
        int shift = bit & 7;
        bytes[at] = (byte) ((bytes[at] & ~(VALUE_MAX << shift)) | (value << shift));
        if (shift > 8 - BITS) {
            int spill = 8 - shift;
            bytes[at + 1] = (byte) ((bytes[at + 1] & ~(VALUE_MAX >>> spill)) | (value >>> spill));
        }
    }
}
