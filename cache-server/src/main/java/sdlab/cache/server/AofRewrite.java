package sdlab.cache.server;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.persist.AofRewriteSink;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.Snapshot;

/**
 * BGREWRITEAOF without fork: replaces the append-only file by the shortest commands that
 * rebuild the keyspace, while clients keep writing.
 *
 * <ol>
 *   <li>Start: write out the AOF buffer, then take an incremental snapshot of the keyspace
 *       ({@link Snapshot}) encoded as commands into a temporary file, and from now on keep a
 *       copy of every command appended to the old file (the rewrite buffer).
 *   <li>While the snapshot runs, the copies wait in memory, bounded: they must land after the
 *       snapshot in the new file.
 *   <li>When the snapshot is done: queue the buffered copies, then send new copies straight to
 *       the new file; sync it in the background.
 *   <li>Finish, on the event loop: write the last copies, sync, rename the new file over the old
 *       one (atomic), and continue appending to it.
 * </ol>
 *
 * <p>Snapshot + buffered commands = the keyspace at the moment of the swap, because the
 * snapshot is the state at the start and the buffer holds exactly the commands after it. A
 * crash at any point leaves the old file intact (the temporary file is ignored on start).
 */
final class AofRewrite {
    private static final Logger log = LoggerFactory.getLogger(AofRewrite.class);
    /** The rewrite buffer's bound; past it the rewrite gives up rather than exhaust memory. */
    static final long REWRITE_BUFFER_BYTES_MAX = 256L * 1024 * 1024;

    private final EventLoop loop;
    private final FileLayer files;
    private final AofFile aof;
    private final BackgroundFileWriter writer;
    private final SnapshotDriver driver;
    private final Consumer<Boolean> onDone;
    private final long startMillis;
    private List<byte[]> heldBack = new ArrayList<>();
    private long heldBackBytes;
    private boolean finished;

    private AofRewrite(
            EventLoop loop, FileLayer files, AofFile aof, Keyspace keyspace, Path temp, Consumer<Boolean> onDone)
            throws IOException {
        this.loop = loop;
        this.files = files;
        this.aof = aof;
        this.onDone = onDone;
        this.startMillis = System.currentTimeMillis();
        this.writer = BackgroundFileWriter.create(files, temp, "aof-rewrite");
        aof.flush(); // what came before the snapshot belongs to the old file only
        GrowableBytes buffer = new GrowableBytes(64 * 1024);
        Snapshot snapshot = keyspace.beginSnapshot(new AofRewriteSink(buffer));
        this.driver = new SnapshotDriver(loop, snapshot, buffer, writer, this::snapshotWritten);
        aof.startCapture(this::captured);
    }

    /**
     * Starts a rewrite on the event loop; {@code onDone} receives true once the new file is in
     * place, false if the rewrite failed (the old file is then still in use).
     */
    static AofRewrite start(EventLoop loop, FileLayer files, AofFile aof, Keyspace keyspace, Consumer<Boolean> onDone)
            throws IOException {
        Path temp = aof.path()
                .resolveSibling("temp-rewriteaof-" + ProcessHandle.current().pid() + ".aof");
        AofRewrite rewrite = new AofRewrite(loop, files, aof, keyspace, temp, onDone);
        rewrite.driver.start();
        return rewrite;
    }

    long elapsedSeconds() {
        return (System.currentTimeMillis() - startMillis) / 1000;
    }

    /** Gives up (shutdown); the old file stays. */
    void abort() {
        fail("aborted");
    }

    private void captured(byte[] chunk) {
        if (heldBack == null) {
            writer.submit(chunk);
            return;
        }
        heldBack.add(chunk);
        heldBackBytes += chunk.length;
        if (heldBackBytes > REWRITE_BUFFER_BYTES_MAX) {
            fail("the rewrite buffer grew over " + REWRITE_BUFFER_BYTES_MAX + " bytes");
        }
    }

    private void snapshotWritten() {
        if (finished) {
            return;
        }
        heldBack.forEach(writer::submit);
        heldBack = null;
        writer.syncAsync(() -> loop.execute(this::swap));
    }

    private void swap() {
        if (finished) {
            return;
        }
        try {
            aof.flush();
            aof.stopCapture();
            writer.sync();
            DurableFiles.replace(files, writer.path(), aof.path());
            aof.replaceWith(writer.channel());
            writer.release();
            finished = true;
            log.info("Background AOF rewrite finished successfully ({} bytes)", aof.sizeBytes());
            onDone.accept(true);
        } catch (IOException e) {
            fail(e.toString());
        }
    }

    private void fail(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        aof.stopCapture();
        driver.stop();
        writer.abort();
        log.warn("Background AOF rewrite failed: {}", reason);
        onDone.accept(false);
    }
}
