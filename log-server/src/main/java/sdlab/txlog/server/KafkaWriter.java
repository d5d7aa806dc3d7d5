package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes Kafka's primitive types into a response body; the counterpart of {@link KafkaReader}. */
final class KafkaWriter {
    private final ByteBuf buf = Unpooled.buffer();

    ByteBuf buffer() {
        return buf;
    }

    KafkaWriter int8(int value) {
        buf.writeByte(value);
        return this;
    }

    KafkaWriter int16(int value) {
        buf.writeShort(value);
        return this;
    }

    KafkaWriter int32(int value) {
        buf.writeInt(value);
        return this;
    }

    KafkaWriter int64(long value) {
        buf.writeLong(value);
        return this;
    }

    KafkaWriter bool(boolean value) {
        buf.writeByte(value ? 1 : 0);
        return this;
    }

    KafkaWriter unsignedVarint(int value) {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            buf.writeByte((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buf.writeByte(rest);
        return this;
    }

    /** A compact nullable string. */
    KafkaWriter compactString(String value) {
        if (value == null) {
            return unsignedVarint(0);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        unsignedVarint(bytes.length + 1);
        buf.writeBytes(bytes);
        return this;
    }

    /** A compact array's header; -1 writes a null array. */
    KafkaWriter compactArrayLength(int count) {
        return unsignedVarint(count + 1);
    }

    /** Compact nullable bytes: a records field. */
    KafkaWriter compactBytes(ByteBuf value) {
        if (value == null) {
            return unsignedVarint(0);
        }
        unsignedVarint(value.readableBytes() + 1);
        buf.writeBytes(value);
        return this;
    }

    /** Compact non-null bytes: a member's metadata or assignment. */
    KafkaWriter compactBytes(byte[] value) {
        unsignedVarint(value.length + 1);
        buf.writeBytes(value);
        return this;
    }

    KafkaWriter uuid(UUID value) {
        buf.writeLong(value.getMostSignificantBits());
        buf.writeLong(value.getLeastSignificantBits());
        return this;
    }

    /** An empty set of tagged fields: this broker sets none of the optional ones. */
    KafkaWriter noTaggedFields() {
        return unsignedVarint(0);
    }
}
