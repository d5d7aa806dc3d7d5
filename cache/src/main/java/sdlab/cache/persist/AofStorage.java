package sdlab.cache.persist;

import java.io.IOException;

/**
 * Where an {@link AofWriter} puts the append-only file: the port between the fsync policy and a
 * disk. The cache node implements it over real files, chapter 11 over the simulator's disk.
 *
 * <p>A sync covers at least every byte appended before it was asked for. Its outcome comes back
 * through the {@link SyncDone} it was given, exactly once: at once, before the request returns
 * (a node that forces its file on the event loop), or later (a background thread, a simulated
 * disk). The writer works either way.
 */
public interface AofStorage {

    /**
     * Appends {@code length} bytes of {@code bytes} from {@code offset} at the end of the file. If
     * this throws, the file must be as it was before (a partial write cut back): the writer keeps
     * the bytes and appends them again later.
     */
    void append(byte[] bytes, int offset, int length) throws IOException;

    /** A sync that replies wait for ({@code appendfsync always}): Redis forces the file before replying. */
    void syncBeforeReplies(SyncDone done);

    /** A sync nobody waits for ({@code everysec}'s once-a-second sync): Redis runs it on a background thread. */
    void syncInBackground(SyncDone done);

    /** How a sync ended. */
    interface SyncDone {
        void synced();

        void failed(String reason);
    }
}
