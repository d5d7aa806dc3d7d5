package sdlab.chapters.cache.redismemcached;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import sdlab.cache.CacheEngine;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.persist.SnapshotFormatException;
import sdlab.cache.persist.SnapshotReader;
import sdlab.cache.persist.SnapshotWriter;
import sdlab.cache.store.Snapshot;
import sdlab.core.NodeContext;

/**
 * Redis's RDB snapshots on the node's simulated disk: every {@code period}, if anything changed,
 * the whole keyspace is written as one new file and synced.
 *
 * <p>The snapshot is the engine's point-in-time copy, taken at the tick (what Redis's fork gives
 * BGSAVE); writing it out replaces the file in one operation, so a crash before the sync leaves
 * the previous snapshot in place, as Redis's write-then-rename does. Writes acknowledged after the
 * last snapshot that reached the disk are lost by a crash: up to one period plus the time to write
 * the file.
 */
final class SnapshotSchedule implements Persistence {
    static final String FILE = "dump.rdb";
    private static final long NO_SYNC = -1;

    private final Duration period;
    private final NodeContext ctx;
    private final CacheEngine engine;
    private long dirtyAtLastSnapshot;
    private long syncInFlight = NO_SYNC;

    SnapshotSchedule(Duration period, NodeContext ctx, CacheEngine engine) {
        this.period = period;
        this.ctx = ctx;
        this.engine = engine;
    }

    @Override
    public Recovery start() {
        Recovery recovery = ctx.disk().read(FILE).map(this::load).orElse(Recovery.NOTHING);
        dirtyAtLastSnapshot = engine.keyspace().dirty();
        ctx.setTimer(period, new SnapshotTick());
        return recovery;
    }

    @Override
    public void log(byte[][] argv) {}

    @Override
    public void acknowledge(Runnable send) {
        send.run();
    }

    @Override
    public void onTimer(PersistenceTimer timer) {
        if (!(timer instanceof SnapshotTick tick)) {
            throw new IllegalStateException("snapshots set no " + timer);
        }
        long dirty = engine.keyspace().dirty();
        if (syncInFlight == NO_SYNC && dirty != dirtyAtLastSnapshot) {
            ctx.disk().write(FILE, encode());
            syncInFlight = ctx.disk().sync();
            dirtyAtLastSnapshot = dirty;
        }
        ctx.setTimer(period, tick);
    }

    @Override
    public void onSynced(long syncId) {
        if (syncId == syncInFlight) {
            syncInFlight = NO_SYNC;
        }
    }

    private byte[] encode() {
        GrowableBytes out = new GrowableBytes(4096);
        SnapshotWriter writer = new SnapshotWriter(out);
        Snapshot snapshot = engine.keyspace().beginSnapshot(writer);
        boolean finished = snapshot.step(Integer.MAX_VALUE);
        assert finished : "an unbounded step writes every key";
        writer.finish();
        return out.toByteArray();
    }

    private Recovery load(byte[] file) {
        String source = "the snapshot";
        try {
            long keys = SnapshotReader.load(new ByteArrayInputStream(file), engine.keyspace());
            return new Recovery(source, keys, 0, null);
        } catch (SnapshotFormatException e) {
            return new Recovery(source, 0, 0, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory array cannot fail", e);
        }
    }
}
