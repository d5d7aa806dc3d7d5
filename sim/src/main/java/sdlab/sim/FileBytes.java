package sdlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of one simulated file, kept in chunks so that appends are cheap: a log grows by
 * a small record per write, and a single array that doubles would copy the whole file again
 * every time it fills. Chunks start small, for small files, and grow to a fixed size.
 */
final class FileBytes {

    private static final int CHUNK_BYTES_MIN = 64;
    private static final int CHUNK_BYTES_MAX = 8192;

    /** Full chunks, then the one being filled (the last). */
    private final List<byte[]> chunks = new ArrayList<>();

    private int usedInLast;
    private int length;

    static FileBytes of(byte[] content) {
        FileBytes file = new FileBytes();
        file.append(content, content.length);
        return file;
    }

    void append(byte[] more, int count) {
        int from = 0;
        while (from < count) {
            if (chunks.isEmpty() || usedInLast == chunks.getLast().length) {
                chunks.add(new byte[Math.clamp(Math.max(length, count - from), CHUNK_BYTES_MIN, CHUNK_BYTES_MAX)]);
                usedInLast = 0;
            }
            byte[] last = chunks.getLast();
            int n = Math.min(count - from, last.length - usedInLast);
            System.arraycopy(more, from, last, usedInLast, n);
            usedInLast += n;
            from += n;
        }
        length += count;
    }

    byte[] toArray() {
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            int n = Math.min(chunk.length, length - at);
            System.arraycopy(chunk, 0, all, at, n);
            at += n;
        }
        return all;
    }

    FileBytes copy() {
        return of(toArray());
    }

    int length() {
        return length;
    }
}
