package sdlab.coord.wire;

import java.util.Arrays;
import java.util.List;

/**
 * Writes Jute's binary encoding ({@code org.apache.jute.BinaryOutputArchive}): big-endian ints and
 * longs, booleans as one byte (1 or 0), ustrings and buffers as an int length and the bytes, vectors
 * as an int count and the elements, and -1 for a null string, buffer or vector.
 */
final class JuteWriter {
    private byte[] bytes = new byte[64];
    private int size;

    JuteWriter writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    JuteWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    JuteWriter writeBool(boolean value) {
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /**
     * A ustring as ZooKeeper's {@code BinaryOutputArchive} writes it: UTF-8 for every char of the
     * BMP, but each UTF-16 char on its own, so a character outside the BMP becomes its two
     * surrogates of three bytes each (CESU-8), not the four bytes of standard UTF-8. ZooKeeper's
     * reader decodes those as standard UTF-8 would (replacement characters); so does ours, so
     * such a path reads back as ZooKeeper's server would read it.
     */
    JuteWriter writeString(String value) {
        if (value == null) {
            return writeInt(-1);
        }
        int lengthAt = size;
        writeInt(0);
        ensure(3 * value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            } else {
                bytes[size++] = (byte) (0xe0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        patchInt(lengthAt, size - lengthAt - 4);
        return this;
    }

    JuteWriter writeBuffer(byte[] value) {
        if (value == null) {
            return writeInt(-1);
        }
        writeInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** Writes one element of a vector. */
    interface ElementWriter<T> {
        void write(JuteWriter writer, T value);
    }

    <T> JuteWriter writeVector(List<T> values, ElementWriter<T> element) {
        if (values == null) {
            return writeInt(-1);
        }
        writeInt(values.size());
        for (T value : values) {
            element.write(this, value);
        }
        return this;
    }

    JuteWriter writeStrings(List<String> values) {
        return writeVector(values, JuteWriter::writeString);
    }

    int size() {
        return size;
    }

    /** Overwrites the int at {@code at}, for a length prefix written before its record. */
    void patchInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
