package sdlab.cache.store;

import java.nio.charset.StandardCharsets;

/** An immutable binary-safe string. The array is shared, never copied, and never modified. */
public final class StringValue implements Value {
    private final byte[] bytes;

    public StringValue(byte[] bytes) {
        this.bytes = bytes;
    }

    public static StringValue of(String text) {
        return new StringValue(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes; callers must not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public long sizeBytes() {
        return MemoryAccounting.STRING_OBJECT_BYTES + MemoryAccounting.byteArrayBytes(bytes.length);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
