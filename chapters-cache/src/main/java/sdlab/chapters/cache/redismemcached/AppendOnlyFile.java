package sdlab.chapters.cache.redismemcached;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import sdlab.cache.CacheEngine;
import sdlab.cache.persist.AofLoadResult;
import sdlab.cache.persist.AofReader;
import sdlab.cache.persist.RespCommandWriter;
import sdlab.core.Disk;
import sdlab.core.NodeContext;

/**
 * Redis's append-only file on the node's simulated disk: each change is appended as the RESP
 * command that replays it, and the file is synced as {@code appendfsync} says.
 *
 * <p>With {@code always}, a write's acknowledgement waits for a sync that covers its append. Syncs
 * are grouped as Redis groups them per event-loop iteration: while one sync is in flight, later
 * writes wait for the next, which then covers all of them. With {@code everysec} a timer asks for
 * a sync once a second, skipping a tick while the previous sync is still running (Redis postpones
 * it too); acknowledgements go out at once. With {@code no} only the operating system's periodic
 * writeback syncs the file.
 *
 * <p>The simulator's crash drops every unsynced write, as a power loss does; a kill -9 of the
 * process alone would leave them in the page cache. A crash in the middle of an append may leave a
 * torn last command, which recovery cuts off, as Redis's {@code aof-load-truncated yes} does.
 */
final class AppendOnlyFile implements Persistence {
    static final String FILE = "appendonly.aof";
    private static final long NO_SYNC = -1;
    private static final Duration EVERYSEC_PERIOD = Duration.ofSeconds(1);

    private final PersistencePolicy.AppendOnly policy;
    private final NodeContext ctx;
    private final CacheEngine engine;
    /** Acknowledgements waiting for durability, in append order. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    /** Commands appended by this incarnation so far. */
    private long appended;
    /** Commands covered by the last sync that completed. */
    private long durableThrough;

    private long syncInFlight = NO_SYNC;
    private long syncCovers;

    private record Waiting(long appendedThrough, Runnable send) {}

    AppendOnlyFile(PersistencePolicy.AppendOnly policy, NodeContext ctx, CacheEngine engine) {
        this.policy = policy;
        this.ctx = ctx;
        this.engine = engine;
    }

    @Override
    public Recovery start() {
        Recovery recovery = ctx.disk().read(FILE).map(this::replay).orElse(Recovery.NOTHING);
        engine.setWriteLog(this::log);
        switch (policy.fsync()) {
            case ALWAYS -> {}
            case EVERYSEC -> ctx.setTimer(EVERYSEC_PERIOD, new FsyncTick());
            case NO -> ctx.setTimer(policy.osWriteback(), new WritebackTick());
        }
        return recovery;
    }

    @Override
    public void log(byte[][] argv) {
        ctx.disk().append(FILE, RespCommandWriter.encode(argv));
        appended++;
    }

    @Override
    public void acknowledge(Runnable send) {
        if (policy.fsync() != AppendFsync.ALWAYS) {
            send.run();
            return;
        }
        if (policy.acksBeforeFsync()) {
            send.run(); // the planted bug: the client hears "stored" before the disk has it
        } else {
            waiting.addLast(new Waiting(appended, send));
        }
        requestSync();
    }

    @Override
    public void onTimer(PersistenceTimer timer) {
        switch (timer) {
            case FsyncTick tick -> {
                syncIfBehind();
                ctx.setTimer(EVERYSEC_PERIOD, tick);
            }
            case WritebackTick tick -> {
                syncIfBehind();
                ctx.setTimer(policy.osWriteback(), tick);
            }
            case SnapshotTick tick -> throw new IllegalStateException("an append-only file takes no snapshots");
        }
    }

    @Override
    public void onSynced(long syncId) {
        if (syncId != syncInFlight) {
            return; // the sync that cut a torn tail at start-up
        }
        durableThrough = syncCovers;
        syncInFlight = NO_SYNC;
        while (!waiting.isEmpty() && waiting.peekFirst().appendedThrough() <= durableThrough) {
            waiting.pollFirst().send().run();
        }
        if (!waiting.isEmpty()) {
            requestSync();
        }
    }

    private void syncIfBehind() {
        if (appended > durableThrough) {
            requestSync();
        }
    }

    /** Starts a sync covering every append so far, unless one is running (then the next one will). */
    private void requestSync() {
        if (syncInFlight == NO_SYNC) {
            syncCovers = appended;
            syncInFlight = ctx.disk().sync();
        }
    }

    /** Replays the file into the engine; a torn last command is cut off, damage elsewhere refused. */
    private Recovery replay(byte[] file) {
        AofLoadResult result;
        try {
            result = AofReader.read(new ByteArrayInputStream(file), engine::replay);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory array cannot fail", e);
        }
        String source = "the append-only file";
        long keys = engine.keyspace().size();
        return switch (result) {
            case AofLoadResult.Complete complete -> new Recovery(source, keys, 0, null);
            case AofLoadResult.TruncatedTail torn -> {
                Disk disk = ctx.disk();
                disk.write(FILE, Arrays.copyOf(file, Math.toIntExact(torn.validBytes())));
                disk.sync();
                yield new Recovery(source, keys, torn.fileBytes() - torn.validBytes(), null);
            }
            case AofLoadResult.Corrupt corrupt ->
                new Recovery(source, 0, 0, corrupt.reason() + " at offset " + corrupt.errorOffset());
        };
    }
}
