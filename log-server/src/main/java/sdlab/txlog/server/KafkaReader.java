package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads Kafka's primitive types from one request body: fixed-width big-endian integers, unsigned varints, and the
 * classic (int16-length) and compact (varint-length, "flexible version") strings, arrays and byte fields. Every
 * length is checked against the bytes left, so a lying length fails here instead of allocating what it claims.
 */
final class KafkaReader {
    private final ByteBuf buf;

    KafkaReader(ByteBuf buf) {
        this.buf = buf;
    }

    byte int8() {
        return buf.readByte();
    }

    short int16() {
        return buf.readShort();
    }

    int int32() {
        return buf.readInt();
    }

    long int64() {
        return buf.readLong();
    }

    boolean bool() {
        return buf.readByte() != 0;
    }

    /** An unsigned LEB128 varint of at most five bytes, as Kafka writes lengths and tags. */
    int unsignedVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buf.readByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new KafkaProtocolException("a varint longer than five bytes");
    }

    /** A classic nullable string: int16 length, -1 for null. */
    String string() {
        return text(buf.readShort());
    }

    /** A compact nullable string: length + 1 as an unsigned varint, 0 for null. */
    String compactString() {
        return text(unsignedVarint() - 1);
    }

    /** A compact array's element count, or -1 for a null array. */
    int compactArrayLength() {
        int count = unsignedVarint() - 1;
        // Every element takes at least one byte, so a count above the bytes left is a lie.
        if (count > buf.readableBytes()) {
            throw new KafkaProtocolException("an array of " + count + " elements in " + buf.readableBytes() + " bytes");
        }
        return count;
    }

    /** Compact nullable bytes (a records field), or null. */
    byte[] compactBytes() {
        int length = unsignedVarint() - 1;
        if (length < 0) {
            return null;
        }
        checkLength(length);
        byte[] out = new byte[length];
        buf.readBytes(out);
        return out;
    }

    /** Skips a flexible version's tagged fields: none of the ones this broker reads are needed. */
    void skipTaggedFields() {
        int count = unsignedVarint();
        for (int i = 0; i < count; i++) {
            unsignedVarint(); // the tag
            int size = unsignedVarint();
            checkLength(size);
            buf.skipBytes(size);
        }
    }

    void skip(int bytes) {
        checkLength(bytes);
        buf.skipBytes(bytes);
    }

    private String text(int length) {
        if (length < 0) {
            return null;
        }
        checkLength(length);
        String out = buf.toString(buf.readerIndex(), length, StandardCharsets.UTF_8);
        buf.skipBytes(length);
        return out;
    }

    private void checkLength(int length) {
        if (length < 0 || length > buf.readableBytes()) {
            throw new KafkaProtocolException("a field of " + length + " bytes in " + buf.readableBytes() + " left");
        }
    }
}
