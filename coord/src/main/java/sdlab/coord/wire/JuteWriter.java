package sdlab.coord.wire;

import java.nio.charset.StandardCharsets;
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

    JuteWriter writeString(String value) {
        return writeBuffer(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
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
