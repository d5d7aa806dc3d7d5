package sdlab.core;

import java.util.Optional;
import java.util.SortedSet;

/**
 * A node's disk: named files whose writes count only after a sync.
 *
 * <p>Reads see every write at once, synced or not, as a page cache does. A write becomes
 * durable only when a {@link #sync()} issued after it completes, which the node learns from
 * {@link Node#onSynced}. If the node crashes first, the write is lost (and, where the world
 * models torn writes, the last unsynced append may survive in part).
 */
public interface Disk {

    /** Replaces the whole content of {@code file}. */
    void write(String file, byte[] content);

    /** Appends bytes to {@code file}, creating it if needed. */
    void append(String file, byte[] bytes);

    /** The current content of {@code file}, synced or not; empty if it does not exist. */
    Optional<byte[]> read(String file);

    /** Removes {@code file}; like other writes, durable only after a sync. */
    void delete(String file);

    /** The names of the files that exist now. */
    SortedSet<String> files();

    /**
     * Asks for every write made so far to become durable. Returns an id; when the sync
     * completes the node's {@link Node#onSynced} is called with it.
     */
    long sync();
}
