package sdlab.cache.persist;

/**
 * Where encoders write bytes: a growable array here, a pooled network buffer in the server.
 * Kept to the two methods encoders need so that an adapter is trivial.
 */
public interface ByteOutput {

    void writeByte(int b);

    void writeBytes(byte[] bytes, int offset, int length);

    default void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }
}
