package sdlab.cache.server;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file open for writing at its end, as the node's durable files are written: appended to,
 * forced, and cut back only to drop a torn tail. Appending puts bytes in the page cache; only
 * {@link #force} makes them survive a power loss.
 */
interface AppendChannel extends AutoCloseable {
    /** Appends every remaining byte of {@code bytes}. */
    void append(ByteBuffer bytes) throws IOException;

    /**
     * Forces what was appended to disk: {@code metadata} false is fdatasync (the data and the
     * size needed to read it back), true is fsync.
     */
    void force(boolean metadata) throws IOException;

    long size() throws IOException;

    /** Cuts the file to {@code sizeBytes}; durable once forced. */
    void truncate(long sizeBytes) throws IOException;

    @Override
    void close() throws IOException;
}
