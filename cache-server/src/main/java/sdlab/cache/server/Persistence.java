package sdlab.cache.server;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.CacheEngine;
import sdlab.cache.ConfigParameter;
import sdlab.cache.InfoReport;
import sdlab.cache.Reply;
import sdlab.cache.WriteLog;
import sdlab.cache.persist.AppendFsync;

/**
 * The node's persistence, run on the event loop: the append-only file, SAVE, BGSAVE,
 * BGREWRITEAOF, save points and automatic rewrites, with Redis's replies and INFO fields.
 * Only one background job runs at a time (the engine takes one snapshot at a time); a job
 * asked for meanwhile is scheduled, as Redis schedules a rewrite during a BGSAVE.
 */
final class Persistence {
    private static final Logger log = LoggerFactory.getLogger(Persistence.class);
    /** Redis's auto-aof-rewrite-min-size and auto-aof-rewrite-percentage (100%). */
    static final long AUTO_REWRITE_MIN_BYTES = 64L * 1024 * 1024;
    /** everysec's period. */
    private static final long AOF_TICK_MILLIS = 1000;

    private final CacheServerConfig config;
    private final CacheEngine engine;
    private final EventLoop loop;
    private final NodeFiles files;
    private AofFile aof;
    private List<SavePoint> savePoints;
    private BackgroundSave bgsave;
    private AofRewrite rewrite;
    private boolean bgsaveScheduled;
    private boolean rewriteScheduled;
    private long lastSaveMillis = System.currentTimeMillis();
    private long dirtyAtLastSave;
    private long dirtyAtBgsaveStart;
    private boolean lastBgsaveOk = true;
    private boolean lastRewriteOk = true;
    private long lastAofTickMillis = System.currentTimeMillis();

    Persistence(CacheServerConfig config, CacheEngine engine, EventLoop loop, NodeFiles files) {
        this.config = config;
        this.engine = engine;
        this.loop = loop;
        this.files = files;
        this.savePoints = config.savePoints();
    }

    /** After loading: opens the append-only file if enabled and starts logging writes to it. */
    void open() throws IOException {
        if (config.appendOnly()) {
            startAof();
        }
        dirtyAtLastSave = engine.keyspace().dirty();
    }

    /**
     * Writes the AOF buffer (and fsyncs with {@code always}); runs before each batch of replies.
     * Returns whether the replies may go out: not when {@code always} promised the writes they
     * acknowledge are on disk and the write failed (Redis exits there; this node withholds the
     * replies, refuses writes and retries, see {@link #writesRefusedBecause}). The shared
     * {@link sdlab.cache.persist.AofWriter} decides.
     */
    boolean beforeReplies() {
        return aof == null || aof.beforeReplies();
    }

    /** Why writes are refused: the AOF cannot be written ("MISCONF ..."), or null. */
    String writesRefusedBecause() {
        if (aof == null || aof.lastWriteOk()) {
            return null;
        }
        return "MISCONF Errors writing to the AOF file: " + aof.lastWriteError();
    }

    Reply save() {
        if (bgsave != null) {
            return Reply.error("ERR Background save already in progress");
        }
        if (rewrite != null) {
            return Reply.error("ERR Background append only file rewriting in progress");
        }
        try {
            long dirty = engine.keyspace().dirty();
            SnapshotFiles.saveNow(files.layer(), engine.keyspace(), config.snapshotPath());
            saved(dirty);
            return Reply.OK;
        } catch (IOException e) {
            log.error("Error saving DB on disk: {}", e.toString());
            return Reply.error("ERR " + e.getMessage());
        }
    }

    Reply bgsave(boolean schedule) {
        if (bgsave != null) {
            return Reply.error("ERR Background save already in progress");
        }
        if (rewrite != null) {
            if (schedule) {
                bgsaveScheduled = true;
                return new Reply.Simple("Background saving scheduled");
            }
            return Reply.error("ERR An AOF log rewriting in progress: can't BGSAVE right now. "
                    + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
        }
        return startBgsave()
                ? new Reply.Simple("Background saving started")
                : Reply.error("ERR could not start BGSAVE");
    }

    Reply bgrewriteaof() {
        if (aof == null) {
            return Reply.error("ERR the append only file is off; turn it on with CONFIG SET appendonly yes");
        }
        if (rewrite != null) {
            return Reply.error("ERR Background append only file rewriting already in progress");
        }
        if (bgsave != null) {
            rewriteScheduled = true;
            return new Reply.Simple("Background append only file rewriting scheduled");
        }
        return startRewrite()
                ? new Reply.Simple("Background append only file rewriting started")
                : Reply.error("ERR could not start the AOF rewrite");
    }

    long lastSaveEpochSeconds() {
        return lastSaveMillis / 1000;
    }

    /**
     * Ten times a second: writes the AOF buffer that expiry and eviction filled (retrying a write
     * that failed: writes are accepted again once it succeeds), everysec's once-a-second sync,
     * scheduled jobs, save points, automatic rewrites.
     */
    void cron() {
        if (aof != null) {
            aof.flush();
            long nowMillis = System.currentTimeMillis();
            if (nowMillis - lastAofTickMillis >= AOF_TICK_MILLIS) {
                lastAofTickMillis = nowMillis;
                aof.tick();
            }
        }
        if (bgsave != null || rewrite != null) {
            return;
        }
        if (aof != null && aof.needsRewrite()) {
            log.warn("An fsync of the AOF failed; rewriting it from memory before accepting writes again.");
            startRewrite();
        } else if (rewriteScheduled && aof != null) {
            rewriteScheduled = false;
            startRewrite();
        } else if (bgsaveScheduled || savePointReached()) {
            bgsaveScheduled = false;
            startBgsave();
        } else if (aof != null && aof.sizeBytes() > Math.max(AUTO_REWRITE_MIN_BYTES, 2 * aof.baseSizeBytes())) {
            log.info("Starting automatic rewriting of AOF on 100% growth");
            startRewrite();
        }
    }

    /**
     * Before stopping: abandons background jobs, saves a snapshot if asked (or, when {@code save}
     * is null, if save points are configured, as Redis does), and syncs the append-only file.
     * Returns false if saving failed.
     */
    boolean saveForShutdown(Boolean save) {
        if (bgsave != null) {
            bgsave.abort();
        }
        if (rewrite != null) {
            rewrite.abort();
        }
        boolean ok = true;
        if (Boolean.TRUE.equals(save) || (save == null && !savePoints.isEmpty())) {
            log.info("Saving the final snapshot before exiting.");
            ok = save() == Reply.OK;
        }
        if (aof != null) {
            try {
                aof.fsyncNow();
            } catch (IOException e) {
                log.error("Error syncing the AOF before exiting: {}", e.toString());
                ok = false;
            }
        }
        return ok;
    }

    void close() {
        if (aof != null) {
            aof.close();
            aof = null;
        }
    }

    void describe(InfoReport info) {
        long dirty = engine.keyspace().dirty();
        info.field("persistence", "loading", 0)
                .field("persistence", "rdb_changes_since_last_save", dirty - dirtyAtLastSave)
                .field("persistence", "rdb_bgsave_in_progress", bgsave != null ? 1 : 0)
                .field("persistence", "rdb_last_save_time", lastSaveEpochSeconds())
                .field("persistence", "rdb_last_bgsave_status", lastBgsaveOk ? "ok" : "err")
                .field("persistence", "rdb_current_bgsave_time_sec", bgsave != null ? bgsave.elapsedSeconds() : -1)
                .field("persistence", "aof_enabled", aof != null ? 1 : 0)
                .field("persistence", "aof_rewrite_in_progress", rewrite != null ? 1 : 0)
                .field("persistence", "aof_rewrite_scheduled", rewriteScheduled ? 1 : 0)
                .field("persistence", "aof_current_rewrite_time_sec", rewrite != null ? rewrite.elapsedSeconds() : -1)
                .field("persistence", "aof_last_bgrewrite_status", lastRewriteOk ? "ok" : "err")
                .field("persistence", "aof_last_write_status", aof == null || aof.lastWriteOk() ? "ok" : "err");
        if (aof != null) {
            info.field("persistence", "aof_current_size", aof.sizeBytes())
                    .field("persistence", "aof_base_size", aof.baseSizeBytes())
                    .field("persistence", "aof_fsync", aof.fsync().wireName());
        }
    }

    List<ConfigParameter> configParameters() {
        return List.of(
                new ConfigParameter("appendonly", () -> aof != null ? "yes" : "no", this::setAppendOnly),
                new ConfigParameter(
                        "appendfsync",
                        () -> (aof != null ? aof.fsync() : config.appendFsync()).wireName(),
                        this::setAppendFsync),
                new ConfigParameter("save", () -> SavePoint.format(savePoints), value -> {
                    try {
                        savePoints = SavePoint.parseAll(value);
                        return Optional.empty();
                    } catch (IllegalArgumentException e) {
                        return Optional.of("Invalid save parameters");
                    }
                }),
                ConfigParameter.readOnly(
                        "dir", () -> config.dir().toAbsolutePath().toString()),
                ConfigParameter.readOnly("dbfilename", () -> CacheServerConfig.SNAPSHOT_FILE),
                ConfigParameter.readOnly("appendfilename", () -> CacheServerConfig.AOF_FILE));
    }

    private Optional<String> setAppendOnly(String value) {
        try {
            if (value.equalsIgnoreCase("yes") && aof == null) {
                if (engine.keyspace().snapshotRunning()) {
                    return Optional.of("a background save is in progress, try again when it is done");
                }
                SnapshotFiles.rewriteAofNow(files.layer(), engine.keyspace(), config.aofPath());
                startAof();
            } else if (value.equalsIgnoreCase("no") && aof != null) {
                if (rewrite != null) {
                    rewrite.abort();
                }
                engine.setWriteLog(WriteLog.NONE);
                close();
            } else if (!value.equalsIgnoreCase("yes") && !value.equalsIgnoreCase("no")) {
                return Optional.of("argument must be 'yes' or 'no'");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> setAppendFsync(String value) {
        try {
            AppendFsync policy = AppendFsync.parse(value);
            if (aof != null) {
                aof.fsync(policy);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("argument(s) must be one of the following: always, everysec, no");
        }
    }

    private void startAof() throws IOException {
        aof = AofFile.open(files, config.aofPath(), config.appendFsync(), loop);
        engine.setWriteLog(aof::append);
    }

    private boolean savePointReached() {
        long changes = engine.keyspace().dirty() - dirtyAtLastSave;
        long elapsedSeconds = (System.currentTimeMillis() - lastSaveMillis) / 1000;
        return savePoints.stream().anyMatch(p -> changes >= p.changes() && elapsedSeconds >= p.seconds());
    }

    private boolean startBgsave() {
        try {
            dirtyAtBgsaveStart = engine.keyspace().dirty();
            log.info("Background saving started");
            bgsave = BackgroundSave.start(loop, files.layer(), engine.keyspace(), config.snapshotPath(), ok -> {
                bgsave = null;
                lastBgsaveOk = ok;
                if (ok) {
                    saved(dirtyAtBgsaveStart);
                }
            });
            return true;
        } catch (IOException e) {
            log.error("Can't start the background save: {}", e.toString());
            lastBgsaveOk = false;
            return false;
        }
    }

    private boolean startRewrite() {
        try {
            log.info("Background append only file rewriting started");
            rewrite = AofRewrite.start(loop, files.layer(), aof, engine.keyspace(), ok -> {
                rewrite = null;
                lastRewriteOk = ok;
            });
            // The captured tail follows the snapshot in the new file, which ends in whatever database
            // its last key was in: the tail's first change must select its own.
            engine.writeLogRestarted();
            return true;
        } catch (IOException e) {
            log.error("Can't rewrite the append only file in background: {}", e.toString());
            lastRewriteOk = false;
            return false;
        }
    }

    private void saved(long dirtyCovered) {
        lastSaveMillis = System.currentTimeMillis();
        dirtyAtLastSave = dirtyCovered;
    }
}
