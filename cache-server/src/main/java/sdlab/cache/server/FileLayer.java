package sdlab.cache.server;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The node's durable files, as the disk sees them: what was written is only in the page cache
 * until it is forced, and a new name (a created or renamed file) only survives a power loss once
 * its directory is synced. Everything the node must not lose goes through this seam: the
 * append-only file, the files of rewrites and snapshots, and the renames that put them in place.
 * Reading at start does not: loading only happens on files already on disk.
 *
 * <p>{@link #OS} is the operating system's files. Tests run the node on a layer that forgets
 * whatever was not forced when they cut the power, which a process kill cannot show (after
 * kill -9 the page cache still holds every written byte).
 */
interface FileLayer {
    /** The operating system's files, through {@link java.nio.channels.FileChannel}. */
    FileLayer OS = new OsFiles();

    /** Opens {@code path} to append to it, creating it empty if it does not exist. */
    AppendChannel openForAppend(Path path) throws IOException;

    /** Creates {@code path}, or empties it if it exists, to be written from its start. */
    AppendChannel create(Path path) throws IOException;

    /**
     * Renames {@code source} over {@code target} atomically where the file system can. The new
     * name is durable only after {@link #syncDirectory} of its directory.
     */
    void rename(Path source, Path target) throws IOException;

    /**
     * Forces {@code dir}'s entries (files created or renamed in it) to disk, where the file
     * system can sync a directory; elsewhere does nothing.
     */
    void syncDirectory(Path dir) throws IOException;
}
