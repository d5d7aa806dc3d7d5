package sdlab.cache.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sdlab.cache.persist.AppendFsync;

/**
 * The cache node's append-only file ({@link AofFile}, over real files in {@code dir}) driven by
 * hand, for a test that runs it beside chapter 11's: it lives in the node's package to reach the
 * package-private adapter. What reaches the file (each append, each force) is reported to {@code
 * disk}; background forces run at once on the caller's thread, so a run is a plain sequence.
 */
public final class ServerAofDriver implements AutoCloseable {
    private final AofFile aof;
    private final RecordingFiles files;

    private ServerAofDriver(AofFile aof, RecordingFiles files) {
        this.aof = aof;
        this.files = files;
    }

    /** Opens a new file (its SELECT 0 and first force are not reported) with the given policy and planted bug. */
    public static ServerAofDriver open(Path dir, AppendFsync fsync, boolean acksBeforeFsync, Consumer<String> disk)
            throws IOException {
        RecordingFiles files = new RecordingFiles();
        NodeFiles nodeFiles = acksBeforeFsync ? NodeFiles.over(files).withAcksBeforeFsync() : NodeFiles.over(files);
        AofFile aof = AofFile.open(nodeFiles, dir.resolve("appendonly.aof"), fsync, Runnable::run, new OnCaller());
        files.disk = disk;
        return new ServerAofDriver(aof, files);
    }

    /** A command the engine logs. */
    public void command(byte[][] argv) {
        aof.append(argv);
    }

    /** The end of an event-loop iteration: true if its replies may go out. */
    public boolean beforeReplies() {
        return aof.beforeReplies();
    }

    /** The node's cron when the second is up: the buffer, then everysec's sync. */
    public void tick() {
        aof.flush();
        aof.tick();
    }

    @Override
    public void close() {
        files.disk = event -> {};
        aof.close();
    }

    /** The operating system's files, reporting appends and forces of the files they open. */
    private static final class RecordingFiles implements FileLayer {
        Consumer<String> disk = event -> {};

        @Override
        public AppendChannel openForAppend(Path path) throws IOException {
            return recording(FileLayer.OS.openForAppend(path));
        }

        @Override
        public AppendChannel create(Path path) throws IOException {
            return recording(FileLayer.OS.create(path));
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            FileLayer.OS.rename(source, target);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            FileLayer.OS.syncDirectory(dir);
        }

        private AppendChannel recording(AppendChannel real) {
            return new AppendChannel() {
                @Override
                public void append(ByteBuffer bytes) throws IOException {
                    disk.accept("append " + bytes.remaining() + " bytes");
                    real.append(bytes);
                }

                @Override
                public void force(boolean metadata) throws IOException {
                    disk.accept("sync");
                    real.force(metadata);
                }

                @Override
                public long size() throws IOException {
                    return real.size();
                }

                @Override
                public void truncate(long sizeBytes) throws IOException {
                    real.truncate(sizeBytes);
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        }
    }

    /** Runs each task at once, on the caller's thread. */
    private static final class OnCaller extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
