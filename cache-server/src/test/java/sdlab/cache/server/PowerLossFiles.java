package sdlab.cache.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link FileLayer} that can lose the power: what was not forced to disk is gone.
 *
 * <h2>The model</h2>
 *
 * The real files play the page cache: every append lands in them at once, so a node reads and
 * writes them as usual. Beside them this layer keeps what a disk would hold:
 *
 * <ul>
 *   <li>per file (an inode: it keeps its identity across renames), the length that was forced.
 *       The node only appends, so a forced length is a forced prefix;
 *   <li>per directory, the names as they were at its last {@link #syncDirectory}: a file created
 *       or renamed since is not there after a power loss. A file that a rename would unlink from
 *       a durable name is kept aside (a hard link), so that a power loss can put it back.
 * </ul>
 *
 * {@link #cutPower()} makes every later write, force or rename fail, as if the machine stopped
 * there. {@link #rebootDisk()}, once the node is stopped, turns the real files into what the
 * disk held: files cut to their forced length, names not yet synced removed, names that were
 * renamed over restored. A later node then starts on the survivors.
 *
 * <h2>What it does not model</h2>
 *
 * Torn or reordered writes within the unforced tail (it keeps none of it, the worst case for
 * loss but not for corruption: the torn-tail tests cover that); a truncate counts as durable
 * at once (the node forces right after its only one); files deleted or created outside the
 * layer are left as they are. Files that were on disk before the layer first saw their
 * directory count as durable.
 */
final class PowerLossFiles implements FileLayer {
    private final Object lock = new Object();
    private final Path keptAside;
    /** Names as the running node sees them. */
    private final Map<Path, Inode> names = new HashMap<>();
    /** Names as the disk holds them: the state at each directory's last sync. */
    private final Map<Path, Inode> durableNames = new HashMap<>();

    private final Set<Path> directories = new HashSet<>();
    private boolean powerOn = true;
    private int inodesCreated;

    /** A file as the disk knows it: how much of it was forced, and where it was kept aside. */
    private static final class Inode {
        final int id;
        long forcedBytes;
        Path keptAt;

        Inode(int id, long forcedBytes) {
            this.id = id;
            this.forcedBytes = forcedBytes;
        }
    }

    /** @param keptAside a directory, outside the node's, for files a rename unlinked */
    PowerLossFiles(Path keptAside) {
        this.keptAside = keptAside;
    }

    @Override
    public AppendChannel openForAppend(Path path) throws IOException {
        return open(path, StandardOpenOption.APPEND);
    }

    @Override
    public AppendChannel create(Path path) throws IOException {
        return open(path, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        Path from = normal(source);
        Path to = normal(target);
        synchronized (lock) {
            requirePower();
            watch(from.getParent());
            watch(to.getParent());
            keepAsideIfDurable(to);
            keepAsideIfDurable(from);
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Inode moved = names.remove(from);
            if (moved != null) {
                names.put(to, moved);
            }
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        Path directory = normal(dir);
        synchronized (lock) {
            requirePower();
            watch(directory);
            durableNames.keySet().removeIf(name -> name.getParent().equals(directory));
            names.keySet().removeIf(name -> !Files.exists(name));
            names.forEach((name, inode) -> {
                if (name.getParent().equals(directory)) {
                    durableNames.put(name, inode);
                }
            });
        }
    }

    /** The machine stops: from now on every write, force and rename fails. */
    void cutPower() {
        synchronized (lock) {
            powerOn = false;
        }
    }

    /**
     * After {@link #cutPower()} and once the node is stopped: leaves on disk only what was
     * durable, and starts afresh with the power on. Returns what was lost, one line per file.
     */
    List<String> rebootDisk() throws IOException {
        synchronized (lock) {
            if (powerOn) {
                throw new IllegalStateException("cut the power before rebooting the disk");
            }
            List<String> lost = new ArrayList<>();
            for (Path dir : directories) {
                dropWhatWasNotDurable(dir, lost);
                restoreUnlinkedNames(dir, lost);
            }
            names.clear();
            durableNames.clear();
            directories.clear();
            deleteKeptAside();
            powerOn = true;
            return lost;
        }
    }

    private AppendChannel open(Path path, StandardOpenOption mode) throws IOException {
        Path name = normal(path);
        synchronized (lock) {
            requirePower();
            watch(name.getParent());
            FileChannel file = FileChannel.open(name, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
            Inode inode = names.get(name);
            if (inode == null) {
                // Created now (watch registered every file already there): no byte and no name on disk yet.
                inode = new Inode(inodesCreated++, 0);
                names.put(name, inode);
            } else if (mode == StandardOpenOption.TRUNCATE_EXISTING) {
                inode.forcedBytes = 0;
            }
            return new Channel(inode, file);
        }
    }

    /** The first time a directory is used, everything in it counts as on disk. */
    private void watch(Path dir) throws IOException {
        if (!directories.add(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Inode inode = new Inode(inodesCreated++, Files.size(file));
                names.put(file, inode);
                durableNames.put(file, inode);
            }
        }
    }

    /** Before {@code name} is unlinked by a rename: if the disk still has it, keep its inode for a power loss. */
    private void keepAsideIfDurable(Path name) throws IOException {
        Inode inode = names.get(name);
        if (inode == null || durableNames.get(name) != inode || inode.keptAt != null) {
            return;
        }
        Files.createDirectories(keptAside);
        inode.keptAt = keptAside.resolve("inode-" + inode.id);
        try {
            Files.createLink(inode.keptAt, name); // later appends through open channels stay visible
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(name, inode.keptAt);
        }
    }

    private void dropWhatWasNotDurable(Path dir, List<String> lost) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Inode inode = names.get(file);
            if (inode == null) {
                continue; // created outside the layer: not modelled
            }
            if (durableNames.get(file) != inode) {
                String why = durableNames.containsKey(file)
                        ? "this file was renamed over the one on disk, and the directory never synced"
                        : "its name was never synced to the directory";
                lost.add(file.getFileName() + ": " + why + "; removed (" + Files.size(file) + " bytes)");
                Files.delete(file);
            } else {
                cutToForced(file, inode, lost);
            }
        }
    }

    private void restoreUnlinkedNames(Path dir, List<String> lost) throws IOException {
        for (Map.Entry<Path, Inode> entry : durableNames.entrySet()) {
            Path name = entry.getKey();
            Inode inode = entry.getValue();
            if (!name.getParent().equals(dir) || (Files.exists(name) && names.get(name) == inode)) {
                continue;
            }
            if (inode.keptAt == null) {
                continue; // deleted outside the layer: not modelled
            }
            Files.move(inode.keptAt, name, StandardCopyOption.REPLACE_EXISTING);
            lost.add(name.getFileName() + ": a rename over it was never synced to the directory; the old file is back");
            cutToForced(name, inode, lost);
        }
    }

    private static void cutToForced(Path file, Inode inode, List<String> lost) throws IOException {
        long size = Files.size(file);
        if (size > inode.forcedBytes) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(inode.forcedBytes);
            }
            lost.add(file.getFileName() + ": " + (size - inode.forcedBytes) + " unforced bytes dropped, "
                    + inode.forcedBytes + " kept");
        }
    }

    private void deleteKeptAside() throws IOException {
        if (!Files.isDirectory(keptAside)) {
            return;
        }
        try (Stream<Path> kept = Files.list(keptAside)) {
            for (Path file : kept.toList()) {
                Files.delete(file);
            }
        }
    }

    private void requirePower() throws IOException {
        if (!powerOn) {
            throw new IOException("the power is off");
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** A channel whose writes and forces stop with the power; forcing records the forced length. */
    private final class Channel implements AppendChannel {
        private final Inode inode;
        private final FileChannel file;

        Channel(Inode inode, FileChannel file) {
            this.inode = inode;
            this.file = file;
        }

        @Override
        public void append(ByteBuffer bytes) throws IOException {
            synchronized (lock) {
                requirePower();
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
            }
        }

        @Override
        public void force(boolean metadata) throws IOException {
            synchronized (lock) {
                requirePower();
                // No real fsync: the model is the disk. Forcing one descriptor forces the whole inode.
                inode.forcedBytes = file.size();
            }
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void truncate(long sizeBytes) throws IOException {
            synchronized (lock) {
                requirePower();
                file.truncate(sizeBytes);
                inode.forcedBytes = Math.min(inode.forcedBytes, sizeBytes);
            }
        }

        @Override
        public void close() throws IOException {
            file.close(); // closing writes nothing: allowed with the power off
        }
    }
}
