package sdlab.runtime.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sdlab.core.Disk;

/**
 * A node's {@link Disk} over real files in one data directory, with the simulator's contract:
 * reads see every write at once (the page cache), and a write is durable once a {@link #sync()}
 * issued after it has completed, which is reported only after the kernel has forced the file
 * data and the directory entries to the device.
 *
 * <ul>
 *   <li>{@code append} writes through an open channel; a sync forces every file appended to
 *       since the previous sync ({@code fdatasync}).
 *   <li>{@code write} replaces a file atomically: the content goes to a hidden temporary file
 *       that is forced at once, then renamed over the old one, so a crash leaves the old content
 *       or the new, never a torn mix. The rename itself is durable after the next sync.
 *   <li>{@code delete}, a file's creation and a rename change the directory, which a sync then
 *       forces too: without that, a crash could bring a deleted file back or lose a new one.
 * </ul>
 *
 * Syncs run one at a time, in order, on the {@code syncer} executor (a single thread), so the
 * node's event loop never waits for the device; the listener hears of each completion in
 * order. Syncs requested while another is forcing are forced together afterwards (group
 * commit), one {@code fdatasync} per file for the lot. A failed force is reported as such and the node must stop: after a failed fsync the
 * kernel may have dropped the dirty pages, and a retry that succeeds proves nothing.
 *
 * <p>Every method but the sync itself must be called from one thread, the node's event loop.
 * An I/O error on a write (a full disk) is thrown as {@link UncheckedIOException}: the node
 * cannot go on as if the write had happened.
 */
public final class FileDisk implements Disk, AutoCloseable {
    /** File names a node may use: no separators, no leading dot (dot files are this class's own). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,199}");

    private static final String TEMPORARY_PREFIX = ".write-";

    /** Hears how each sync ended; called on the syncer thread, in the order of the syncs. */
    public interface SyncListener {
        void synced(long syncId);

        void failed(long syncId, IOException cause);
    }

    /**
     * How a file or the directory reaches the device: the real {@code force} calls, unless a test
     * wraps them to check that a sync is reported only after them.
     */
    interface Forcer {
        Forcer REAL = new Forcer() {
            @Override
            public void forceFile(Path file, FileChannel channel) throws IOException {
                channel.force(false);
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                try (FileChannel entries = FileChannel.open(directory, StandardOpenOption.READ)) {
                    entries.force(true);
                }
            }
        };

        /** Forces the data of {@code file}, open as {@code channel} ({@code fdatasync}). */
        void forceFile(Path file, FileChannel channel) throws IOException;

        /** Forces the entries of {@code directory}: creations, renames and deletions. */
        void forceDirectory(Path directory) throws IOException;
    }

    private final Path directory;
    private final Executor syncer;
    private final SyncListener listener;
    private final Forcer forcer;
    private final Map<String, FileChannel> appendChannels = new HashMap<>();
    /** The files appended to since the last sync, by name, with the channel the appends went through. */
    private Map<String, FileChannel> unsyncedChannels = new HashMap<>();
    /**
     * Channels of files deleted or replaced since the last sync, still open: a sync issued before
     * may still have to force them, so the next sync closes them once the earlier ones are done.
     */
    private List<FileChannel> retiredChannels = new ArrayList<>();

    private boolean directoryChanged;
    private long lastSyncId;
    /** Syncs requested and not yet forced, oldest first; filled on the event loop, drained by the syncer. */
    private final ConcurrentLinkedQueue<Requested> requested = new ConcurrentLinkedQueue<>();

    /**
     * One sync: the files appended to before it (since the previous sync), whether the directory
     * changed, and the channels of files deleted or replaced before it, to close once forced.
     */
    private record Requested(
            long id, Map<String, FileChannel> appended, boolean directoryChanged, List<FileChannel> retired) {}

    private FileDisk(Path directory, Executor syncer, SyncListener listener, Forcer forcer) {
        this.directory = directory;
        this.syncer = syncer;
        this.listener = listener;
        this.forcer = forcer;
    }

    /**
     * The disk in {@code directory}, created if missing. Temporary files a crash left behind in
     * the middle of a {@code write} are removed: the rename never happened, so the old content
     * stands.
     */
    public static FileDisk open(Path directory, Executor syncer, SyncListener listener) throws IOException {
        return open(directory, syncer, listener, Forcer.REAL);
    }

    /** As {@link #open(Path, Executor, SyncListener)}, forcing through {@code forcer}. */
    static FileDisk open(Path directory, Executor syncer, SyncListener listener, Forcer forcer) throws IOException {
        Objects.requireNonNull(syncer, "syncer");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(forcer, "forcer");
        Files.createDirectories(directory);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
                    Files.delete(entry);
                }
            }
        }
        return new FileDisk(directory.toRealPath(), syncer, listener, forcer);
    }

    /** The directory this disk keeps its files in. */
    public Path directory() {
        return directory;
    }

    @Override
    public void write(String file, byte[] content) {
        Path target = path(file);
        closeAppendChannel(file);
        Path temporary = directory.resolve(TEMPORARY_PREFIX + file);
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(channel, content);
            // Forced before the rename: otherwise the rename could reach the device before the data.
            forcer.forceFile(temporary, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
        directoryChanged = true;
    }

    @Override
    public void append(String file, byte[] bytes) {
        Path target = path(file);
        try {
            FileChannel channel = appendChannels.get(file);
            if (channel == null) {
                boolean existed = Files.exists(target);
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                appendChannels.put(file, channel);
                directoryChanged |= !existed;
            }
            writeFully(channel, bytes);
            unsyncedChannels.put(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + target, e);
        }
    }

    @Override
    public Optional<byte[]> read(String file) {
        Path target = path(file);
        try {
            return Optional.of(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target, e);
        }
    }

    @Override
    public void delete(String file) {
        Path target = path(file);
        closeAppendChannel(file);
        try {
            directoryChanged |= Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }

    @Override
    public SortedSet<String> files() {
        try (Stream<Path> entries = Files.list(directory)) {
            SortedSet<String> names = new TreeSet<>();
            entries.filter(Files::isRegularFile)
                    .map(entry -> entry.getFileName().toString())
                    .filter(name -> NAME.matcher(name).matches())
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    @Override
    public long sync() {
        long syncId = ++lastSyncId;
        requested.add(new Requested(syncId, unsyncedChannels, directoryChanged, retiredChannels));
        unsyncedChannels = new HashMap<>();
        retiredChannels = new ArrayList<>();
        directoryChanged = false;
        syncer.execute(this::forceRequested);
        return syncId;
    }

    /** Closes the open files; writes not yet synced stay where the kernel has them. */
    @Override
    public void close() {
        appendChannels.values().forEach(FileDisk::closeQuietly);
        appendChannels.clear();
        retiredChannels.forEach(FileDisk::closeQuietly);
        retiredChannels.clear();
    }

    /**
     * Group commit: forces, once, everything the syncs requested so far ask for, then reports all
     * of them in order. While one force runs, the syncs a busy node requests pile up and the next
     * run covers them all with one {@code fdatasync} per file. Runs on the syncer thread only.
     */
    private void forceRequested() {
        List<Requested> batch = new ArrayList<>();
        for (Requested next = requested.poll(); next != null; next = requested.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return; // an earlier run took these syncs
        }
        // Each channel once, with its file's name; a file replaced between two syncs of the batch
        // has two channels (the old one retired), and both are forced.
        Map<FileChannel, String> channels = new IdentityHashMap<>();
        boolean forceDirectory = false;
        for (Requested sync : batch) {
            sync.appended().forEach((name, channel) -> channels.putIfAbsent(channel, name));
            forceDirectory |= sync.directoryChanged();
        }
        try {
            for (Map.Entry<FileChannel, String> appended : channels.entrySet()) {
                try {
                    forcer.forceFile(directory.resolve(appended.getValue()), appended.getKey());
                } catch (ClosedChannelException diskClosed) {
                    // Closed under this sync (the node stopping, as in a crash): nothing is reported,
                    // since nothing was made durable, and nobody waits for it any more.
                    return;
                }
            }
            if (forceDirectory) {
                forcer.forceDirectory(directory);
            }
        } catch (IOException e) {
            batch.forEach(sync -> listener.failed(sync.id(), e));
            return;
        } finally {
            // Every sync that could force these retired channels is in this batch or done before it.
            batch.forEach(sync -> sync.retired().forEach(FileDisk::closeQuietly));
        }
        batch.forEach(sync -> listener.synced(sync.id()));
    }

    private void closeAppendChannel(String file) {
        FileChannel channel = appendChannels.remove(file);
        if (channel == null) {
            return;
        }
        // The deletion or rename that follows is durable after the next sync, with no need to
        // force these appends. But a sync already issued may still be forcing them, and must: until
        // that deletion or rename is durable, a crash would bring this file back, and it must come
        // back with the appends that sync reported durable. So the channel stays open until then.
        unsyncedChannels.remove(file);
        retiredChannels.add(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing flushes nothing relied on: durability comes only from sync.
        }
    }

    private Path path(String file) {
        Objects.requireNonNull(file, "file");
        if (!NAME.matcher(file).matches()) {
            throw new IllegalArgumentException("'" + file
                    + "' is not a file name a node may use: letters, digits, '.', '_' and '-', not starting with '.'");
        }
        return directory.resolve(file);
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
