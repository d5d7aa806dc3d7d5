package sdlab.sim;

import java.util.Arrays;

/** The content of one simulated file: a growable byte array, so that appends are cheap. */
final class FileBytes {

    private byte[] bytes;
    private int length;

    FileBytes() {
        this.bytes = new byte[16];
    }

    private FileBytes(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    static FileBytes of(byte[] content) {
        return new FileBytes(content.clone(), content.length);
    }

    void append(byte[] more, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(more, 0, bytes, length, count);
        length += count;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    FileBytes copy() {
        return new FileBytes(toArray(), length);
    }

    int length() {
        return length;
    }
}
