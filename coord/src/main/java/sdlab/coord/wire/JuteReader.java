package sdlab.coord.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads Jute's binary encoding ({@code org.apache.jute.BinaryInputArchive}) from one packet held
 * in memory. Every read checks that the bytes are there and every length is -1 (null) or within
 * {@link Jute#FIELD_BYTES_MAX}, so that no input, however malformed, allocates more than the
 * packet holds or fails with anything but a {@link WireException}.
 */
final class JuteReader {
    private final byte[] bytes;
    private final int end;
    private int offset;

    JuteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    JuteReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.offset = from;
        this.end = to;
    }

    int offset() {
        return offset;
    }

    boolean atEnd() {
        return offset == end;
    }

    int readInt(String field) throws WireException {
        need(4, field);
        int value = ((bytes[offset] & 0xff) << 24)
                | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
        offset += 4;
        return value;
    }

    long readLong(String field) throws WireException {
        need(8, field);
        long high = readInt(field) & 0xffffffffL;
        long low = readInt(field) & 0xffffffffL;
        return (high << 32) | low;
    }

    /** Any non-zero byte is true, as {@code DataInput.readBoolean} reads it. */
    boolean readBool(String field) throws WireException {
        need(1, field);
        return bytes[offset++] != 0;
    }

    /** A ustring: UTF-8 bytes after an int length; -1 is null. */
    String readString(String field) throws WireException {
        byte[] utf8 = readBuffer(field);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** A buffer: bytes after an int length; -1 is null. */
    byte[] readBuffer(String field) throws WireException {
        int lengthOffset = offset;
        int length = readInt(field + " length");
        if (length == -1) {
            return null;
        }
        checkLength(length, field, lengthOffset);
        need(length, field);
        byte[] value = new byte[length];
        System.arraycopy(bytes, offset, value, 0, length);
        offset += length;
        return value;
    }

    /** Reads one element of a vector. */
    interface ElementReader<T> {
        T read(JuteReader reader) throws WireException;
    }

    /** A vector: an int count, then the elements; -1 is null. */
    <T> List<T> readVector(String field, ElementReader<T> element) throws WireException {
        int countOffset = offset;
        int count = readInt(field + " count");
        if (count == -1) {
            return null;
        }
        // Every element takes at least one byte, so a count beyond the bytes left is malformed;
        // checking it here keeps a forged count from sizing a huge list.
        if (count < 0 || count > end - offset) {
            throw new WireException(
                    field + ": element count " + count + " is negative or exceeds the " + (end - offset)
                            + " bytes left",
                    countOffset);
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(element.read(this));
        }
        return Collections.unmodifiableList(values);
    }

    private void checkLength(int length, String field, int lengthOffset) throws WireException {
        if (length < 0) {
            throw new WireException(
                    field + ": length " + length + " is negative (only -1, null, is allowed)", lengthOffset);
        }
        if (length > Jute.FIELD_BYTES_MAX) {
            throw new WireException(
                    field + ": length " + length + " exceeds jute.maxbuffer's bound of " + Jute.FIELD_BYTES_MAX
                            + " bytes",
                    lengthOffset);
        }
    }

    private void need(int count, String field) throws WireException {
        if (end - offset < count) {
            throw new WireException(
                    "truncated " + field + ": needs " + count + " bytes, " + (end - offset) + " left", offset);
        }
    }
}
