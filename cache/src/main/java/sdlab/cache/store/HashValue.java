package sdlab.cache.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A hash of binary fields to binary values, iterated in insertion order (deterministic). */
public final class HashValue implements Value {
    private final Map<Key, byte[]> fields = new LinkedHashMap<>();
    private long fieldBytes;

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public long sizeBytes() {
        return MemoryAccounting.MAP_OBJECT_BYTES + fieldBytes;
    }

    public int size() {
        return fields.size();
    }

    /** Sets {@code field}; returns true if the field is new. */
    public boolean put(Key field, byte[] value) {
        byte[] previous = fields.put(field, value);
        if (previous != null) {
            fieldBytes +=
                    MemoryAccounting.byteArrayBytes(value.length) - MemoryAccounting.byteArrayBytes(previous.length);
            return false;
        }
        fieldBytes += MemoryAccounting.hashFieldBytes(field.length(), value.length);
        return true;
    }

    /** The value of {@code field}, or null. */
    public byte[] get(Key field) {
        return fields.get(field);
    }

    /** Removes {@code field}; returns true if it was there. */
    public boolean remove(Key field) {
        byte[] previous = fields.remove(field);
        if (previous == null) {
            return false;
        }
        fieldBytes -= MemoryAccounting.hashFieldBytes(field.length(), previous.length);
        return true;
    }

    /** A read-only view of the fields, in insertion order. */
    public Map<Key, byte[]> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
