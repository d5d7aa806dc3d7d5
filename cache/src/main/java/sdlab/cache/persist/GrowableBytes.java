package sdlab.cache.persist;

import java.util.Arrays;

/** A byte array that grows as it is written; the persistence encoders' default output. */
public final class GrowableBytes implements ByteOutput {
    private byte[] bytes;
    private int size;

    public GrowableBytes(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    public int size() {
        return size;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written so far are {@code array()[0..size())}; the array is this buffer's own, not a copy. */
    byte[] array() {
        return bytes;
    }

    int capacity() {
        return bytes.length;
    }

    /**
     * Starts empty again; if one large batch grew the array past {@code capacityKeptMax}, gives it
     * back and starts over at {@code capacityInitial}.
     */
    void clear(int capacityKeptMax, int capacityInitial) {
        size = 0;
        if (bytes.length > capacityKeptMax) {
            bytes = new byte[Math.max(16, capacityInitial)];
        }
    }

    /** Returns what was written and starts empty again. */
    public byte[] drain() {
        byte[] out = toByteArray();
        size = 0;
        return out;
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("buffer would exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
