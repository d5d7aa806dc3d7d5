package sdlab.runtime.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing big-endian byte buffer that one frame is encoded into. */
final class WireWriter {
    private byte[] bytes = new byte[64];
    private int length;

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void writeShort(short value) {
        ensure(Short.BYTES);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(Integer.BYTES);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    void writeLong(long value) {
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    /** A count, then the raw bytes. */
    void writeBytes(byte[] value) {
        writeInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /**
     * The UTF-8 byte count, then the bytes. A lone surrogate cannot be encoded in UTF-8 and
     * becomes '?', as {@link String#getBytes} does: such a string does not round-trip.
     */
    void writeString(String value) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    int length() {
        return length;
    }

    void patchInt(int position, int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            bytes[position + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) length + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a message does not fit in one frame: " + wanted + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
