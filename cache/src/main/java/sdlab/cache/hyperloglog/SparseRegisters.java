package sdlab.cache.hyperloglog;

/**
 * The sparse encoding: the registers as runs, in three opcodes.
 *
 * <ul>
 *   <li>ZERO {@code 00llllll}: 1 to 64 registers at zero;
 *   <li>XZERO {@code 01llllll llllllll}: 1 to 16384 registers at zero (14-bit length, high bits first);
 *   <li>VAL {@code 1vvvvvll}: 1 to 4 registers holding the value 1 to 32.
 * </ul>
 *
 * Lengths and values are stored minus one. The opcodes must cover exactly 16384 registers;
 * anything else is a corrupted HyperLogLog. A value above 32 cannot be written sparse, which
 * forces the dense encoding.
 */
final class SparseRegisters {
    static final int ZERO_LENGTH_MAX = 64;
    static final int XZERO_LENGTH_MAX = 16384;
    static final int VAL_VALUE_MAX = 32;
    static final int VAL_LENGTH_MAX = 4;

    private SparseRegisters() {}

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXzero(int op) {
        return (op & 0xc0) == 0x40;
    }

    static boolean isVal(int op) {
        return (op & 0x80) != 0;
    }

    static int zeroLength(int op) {
        return (op & 0x3f) + 1;
    }

    static int valValue(int op) {
        return ((op >>> 2) & 0x1f) + 1;
    }

    static int valLength(int op) {
        return (op & 0x3) + 1;
    }

    /** The length of the XZERO at {@code at}; a second byte cut off by the end reads as zero, as in Redis. */
    static int xzeroLength(byte[] bytes, int at, int end) {
        int low = at + 1 < end ? bytes[at + 1] & 0xff : 0;
        return (((bytes[at] & 0x3f) << 8) | low) + 1;
    }

    static byte val(int value, int length) {
        return (byte) (0x80 | ((value - 1) << 2) | (length - 1));
    }

    static byte zero(int length) {
        return (byte) (length - 1);
    }

    /** Writes XZERO of {@code length} at {@code at}: two bytes. */
    static void xzero(byte[] bytes, int at, int length) {
        bytes[at] = (byte) (0x40 | ((length - 1) >>> 8));
        bytes[at + 1] = (byte) ((length - 1) & 0xff);
    }

    /**
     * Calls {@code visitor} with each run from {@code start} to {@code end}; returns the number of
     * registers covered, which is 16384 when the encoding is sound. Stops early, returning what it
     * covered so far, at a VAL run that would pass the last register.
     */
    static int forEachRun(byte[] bytes, int start, int end, RunVisitor visitor) {
        int index = 0;
        int at = start;
        while (at < end) {
            int op = bytes[at] & 0xff;
            if (isZero(op)) {
                index += zeroLength(op);
                at++;
            } else if (isXzero(op)) {
                index += xzeroLength(bytes, at, end);
                at += 2;
            } else {
                int length = valLength(op);
                if (index + length > HyperLogLog.REGISTERS) {
                    return index;
                }
                visitor.run(index, length, valValue(op));
                index += length;
                at++;
            }
        }
        return index;
    }

    /** Receives the runs of non-zero registers. */
    @FunctionalInterface
    interface RunVisitor {
        void run(int firstIndex, int length, int value);
    }

    /** PFDEBUG DECODE's text: {@code z:len}, {@code Z:len} and {@code v:value,len}, separated by spaces. */
    static String decode(byte[] bytes, int start, int end) {
        StringBuilder text = new StringBuilder();
        int at = start;
        while (at < end) {
            int op = bytes[at] & 0xff;
            if (isZero(op)) {
                text.append("z:").append(zeroLength(op)).append(' ');
                at++;
            } else if (isXzero(op)) {
                text.append("Z:").append(xzeroLength(bytes, at, end)).append(' ');
                at += 2;
            } else {
                text.append("v:")
                        .append(valValue(op))
                        .append(',')
                        .append(valLength(op))
                        .append(' ');
                at++;
            }
        }
        return text.toString().strip();
    }
}
