package sdlab.bench.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A temporary directory for one benchmark run's configs and logs, deleted on close, or by a
 * shutdown hook when the run is interrupted before it closes.
 */
public final class Scratch implements AutoCloseable {
    private static final Set<Scratch> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Scratch::close), "bench-scratch-cleanup"));
    }

    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    /** Creates a fresh directory under the system's temporary directory. */
    public static Scratch create(String prefix) {
        try {
            Scratch scratch = new Scratch(Files.createTempDirectory(prefix));
            OPEN.add(scratch);
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** A path inside the directory. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes {@code text} to {@code name} inside the directory and returns its path. */
    public Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + dir, e);
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temp file is harmless; the run's figures are what matter.
        }
    }
}
