package sdlab.cache.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import sdlab.cache.persist.AofRewriteSink;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.persist.SnapshotReader;
import sdlab.cache.persist.SnapshotWriter;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.Snapshot;

/** SAVE and loading of the snapshot file ({@code dump.sdrdb}, see the engine's SnapshotFormat). */
final class SnapshotFiles {
    private static final int KEYS_PER_CHUNK = 4096;

    private SnapshotFiles() {}

    /** SAVE: writes the whole keyspace now, blocking, then replaces {@code target} atomically. */
    static long saveNow(FileLayer files, Keyspace keyspace, Path target) throws IOException {
        Path temp = target.resolveSibling("temp-save-" + ProcessHandle.current().pid() + ".sdrdb");
        GrowableBytes buffer = new GrowableBytes(64 * 1024);
        SnapshotWriter encoder = new SnapshotWriter(buffer);
        try (AppendChannel channel = files.create(temp)) {
            Snapshot snapshot = keyspace.beginSnapshot(encoder);
            while (!snapshot.finished()) {
                snapshot.step(KEYS_PER_CHUNK);
                write(channel, buffer.drain());
            }
            encoder.finish();
            write(channel, buffer.drain());
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        DurableFiles.replace(files, temp, target);
        return encoder.keys();
    }

    /** Writes the keyspace as an append-only file now, blocking (turning appendonly on at run time). */
    static void rewriteAofNow(FileLayer files, Keyspace keyspace, Path target) throws IOException {
        Path temp = target.resolveSibling(
                "temp-rewriteaof-now-" + ProcessHandle.current().pid() + ".aof");
        GrowableBytes buffer = new GrowableBytes(64 * 1024);
        try (AppendChannel channel = files.create(temp)) {
            Snapshot snapshot = keyspace.beginSnapshot(new AofRewriteSink(buffer));
            while (!snapshot.finished()) {
                snapshot.step(KEYS_PER_CHUNK);
                write(channel, buffer.drain());
            }
            write(channel, buffer.drain());
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        DurableFiles.replace(files, temp, target);
    }

    /** Loads {@code file} into {@code keyspace}; returns the number of keys in the file. */
    static long load(Path file, Keyspace keyspace) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return SnapshotReader.load(in, keyspace);
        }
    }

    private static void write(AppendChannel channel, byte[] bytes) throws IOException {
        channel.append(ByteBuffer.wrap(bytes));
    }
}
