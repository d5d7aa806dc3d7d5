package sdlab.cache.server;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.persist.SnapshotWriter;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.Snapshot;

/**
 * BGSAVE without fork: an incremental snapshot of the keyspace written to a temporary file by a
 * background thread, synced, then renamed over the snapshot file. Clients keep running between
 * the snapshot's steps; the file holds the keyspace as it was when BGSAVE started.
 */
final class BackgroundSave {
    private static final Logger log = LoggerFactory.getLogger(BackgroundSave.class);

    private final EventLoop loop;
    private final FileLayer files;
    private final Path target;
    private final BackgroundFileWriter writer;
    private final SnapshotWriter encoder;
    private final GrowableBytes buffer = new GrowableBytes(64 * 1024);
    private final SnapshotDriver driver;
    private final Consumer<Boolean> onDone;
    private final long startMillis = System.currentTimeMillis();
    private boolean finished;

    private BackgroundSave(EventLoop loop, FileLayer files, Keyspace keyspace, Path target, Consumer<Boolean> onDone)
            throws IOException {
        this.loop = loop;
        this.target = target;
        this.files = files;
        this.onDone = onDone;
        this.writer = BackgroundFileWriter.create(
                files, target.resolveSibling("temp-" + ProcessHandle.current().pid() + ".sdrdb"), "bgsave");
        this.encoder = new SnapshotWriter(buffer);
        Snapshot snapshot = keyspace.beginSnapshot(encoder);
        this.driver = new SnapshotDriver(loop, snapshot, buffer, writer, this::snapshotWritten);
    }

    /** Starts on the event loop; {@code onDone} receives whether the file was saved. */
    static BackgroundSave start(
            EventLoop loop, FileLayer files, Keyspace keyspace, Path target, Consumer<Boolean> onDone)
            throws IOException {
        BackgroundSave save = new BackgroundSave(loop, files, keyspace, target, onDone);
        save.driver.start();
        return save;
    }

    long elapsedSeconds() {
        return (System.currentTimeMillis() - startMillis) / 1000;
    }

    void abort() {
        if (!finished) {
            finished = true;
            driver.stop();
            writer.abort();
            onDone.accept(false);
        }
    }

    private void snapshotWritten() {
        encoder.finish();
        driver.drain();
        writer.syncAsync(() -> loop.execute(this::rename));
    }

    private void rename() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.sync();
            writer.channel().close();
            writer.release();
            DurableFiles.replace(files, writer.path(), target);
            log.info("Background saving terminated with success ({} keys)", encoder.keys());
            onDone.accept(true);
        } catch (IOException e) {
            log.warn("Background saving error: {}", e.toString());
            writer.abort();
            onDone.accept(false);
        }
    }
}
