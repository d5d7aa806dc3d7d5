package sdlab.cache.server;

import java.io.IOException;
import java.nio.file.Path;

/** Replacing a file so that a crash, even a power loss, leaves either the old or the new one, whole. */
final class DurableFiles {
    private DurableFiles() {}

    /**
     * Renames {@code source} over {@code target} atomically, then fsyncs the directory so that
     * the rename itself survives a power loss. {@code source} must already be synced.
     */
    static void replace(FileLayer files, Path source, Path target) throws IOException {
        files.rename(source, target);
        files.syncDirectory(target.toAbsolutePath().getParent());
    }
}
