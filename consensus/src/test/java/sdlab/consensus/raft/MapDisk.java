package sdlab.consensus.raft;

import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.Disk;

/** A disk without crashes for unit tests of what is on it: syncs complete at once, unseen. */
final class MapDisk implements Disk {
    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private long syncs;

    /** A copy of every file as it is now: the disk as a crash right now would leave it. */
    MapDisk copy() {
        MapDisk copy = new MapDisk();
        files.forEach((file, bytes) -> copy.files.put(file, bytes.clone()));
        return copy;
    }

    @Override
    public void write(String file, byte[] content) {
        files.put(file, content.clone());
    }

    @Override
    public void append(String file, byte[] bytes) {
        byte[] old = files.getOrDefault(file, new byte[0]);
        byte[] joined = Arrays.copyOf(old, old.length + bytes.length);
        System.arraycopy(bytes, 0, joined, old.length, bytes.length);
        files.put(file, joined);
    }

    @Override
    public Optional<byte[]> read(String file) {
        return Optional.ofNullable(files.get(file)).map(byte[]::clone);
    }

    @Override
    public void delete(String file) {
        files.remove(file);
    }

    @Override
    public SortedSet<String> files() {
        return new TreeSet<>(files.keySet());
    }

    @Override
    public long sync() {
        return syncs++;
    }
}
