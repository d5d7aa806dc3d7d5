package sdlab.cache.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.CacheEngine;
import sdlab.cache.Reply;
import sdlab.cache.persist.AofLoadResult;
import sdlab.cache.persist.AofReader;

/**
 * Recovery at start, as Redis does it: with appendonly on, the append-only file is the truth
 * (the snapshot is ignored); otherwise the snapshot file is loaded if there is one. A torn
 * AOF tail is cut off with a warning ({@code aof-load-truncated yes}), and so is a
 * {@code MULTI ... EXEC} block whose EXEC never reached the file, whole; damage in the middle
 * stops the start with a message naming the file and offset.
 */
final class PersistenceLoader {
    private static final Logger log = LoggerFactory.getLogger(PersistenceLoader.class);

    private PersistenceLoader() {}

    static void load(CacheServerConfig config, CacheEngine engine, FileLayer files) {
        removeTemporaryFiles(config.dir());
        try {
            if (config.appendOnly()) {
                if (Files.exists(config.aofPath())) {
                    loadAof(config.aofPath(), engine, files);
                }
            } else if (Files.exists(config.snapshotPath())) {
                long keys = SnapshotFiles.load(config.snapshotPath(), engine.keyspace());
                log.info("DB loaded from disk: {} keys from {}", keys, config.snapshotPath());
            }
        } catch (IOException e) {
            String file = config.appendOnly()
                    ? config.aofPath().toString()
                    : config.snapshotPath().toString();
            throw new CacheStartupException(
                    "cannot load " + file + ": " + e.getMessage()
                            + ". Move the file away (keep a copy) to start empty, or restore a backup.",
                    e);
        }
    }

    private static void loadAof(Path path, CacheEngine engine, FileLayer files) throws IOException {
        long[] errors = {0};
        AofLoadResult result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            result = AofReader.read(in, argv -> {
                if (engine.replay(argv) instanceof Reply.Error error) {
                    errors[0]++;
                    log.warn("command in the AOF failed when replayed: {}", error.text());
                }
            });
        }
        switch (result) {
            case AofLoadResult.Complete complete ->
                log.info("DB loaded from append only file: {} commands from {}", complete.commands(), path);
            case AofLoadResult.TruncatedTail torn -> {
                if (torn.insideTransaction()) {
                    log.warn("Revert incomplete MULTI/EXEC transaction in AOF file {}", path);
                } else {
                    log.warn("!!! Warning: short read while loading the AOF file {}!!!", path);
                }
                log.warn(
                        "AOF loaded anyway because aof-load-truncated is enabled: truncating {} bytes of an "
                                + "incomplete last {} at offset {}",
                        torn.fileBytes() - torn.validBytes(),
                        torn.insideTransaction() ? "transaction" : "command",
                        torn.validBytes());
                try (AppendChannel channel = files.openForAppend(path)) {
                    channel.truncate(torn.validBytes());
                    channel.force(true);
                }
            }
            case AofLoadResult.Corrupt corrupt ->
                throw new CacheStartupException(String.format(
                        "Bad file format reading the append only file %s: %s at offset %d (in the command starting at "
                                + "offset %d, after %d good commands). Make a backup of the file, then repair it, e.g. with "
                                + "'redis-check-aof --fix %s' (which cuts everything from the damage on).",
                        path,
                        corrupt.reason(),
                        corrupt.errorOffset(),
                        corrupt.commandOffset(),
                        corrupt.commands(),
                        path));
        }
        if (errors[0] > 0) {
            log.warn("{} commands of the AOF failed when replayed", errors[0]);
        }
    }

    /** Files of a rewrite or save that a crash interrupted: never complete, never needed. */
    private static void removeTemporaryFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "temp-*")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            log.warn("could not remove temporary files in {}: {}", dir, e.toString());
        }
    }
}
