package sdlab.chapters.cache.redismemcached;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import sdlab.cache.CacheEngine;
import sdlab.cache.persist.AofLoadResult;
import sdlab.cache.persist.AofReader;
import sdlab.cache.persist.AofStorage;
import sdlab.cache.persist.AofWriter;
import sdlab.core.Disk;
import sdlab.core.NodeContext;

/**
 * Redis's append-only file on the node's simulated disk: the shared {@link AofWriter}, the same
 * code the cache node runs over real files, decides when the buffered commands are written, when
 * the file is synced ({@code appendfsync} always / everysec / no) and when each SET's
 * acknowledgement may go. This class only carries its bytes and syncs to the {@link Disk}, ticks
 * it once a second, and replays the file at start.
 *
 * <p>Each acknowledgement is one event-loop iteration of the node: the commands of the SET are
 * written, then the reply is sent or held as the writer says. The simulated disk completes a sync
 * later, through {@link #onSynced}; while one is in flight, the writer groups later writes into
 * the next. The operating system's own writeback, which syncs the file whatever {@code
 * appendfsync} says, is modelled here too, every {@code osWriteback}.
 *
 * <p>The simulator's crash drops every unsynced write, as a power loss does; a kill -9 of the
 * process alone would leave them in the page cache. A crash in the middle of an append may leave a
 * torn last command, which recovery cuts off, as Redis's {@code aof-load-truncated yes} does.
 */
final class AppendOnlyFile implements Persistence {
    static final String FILE = "appendonly.aof";
    private static final Duration TICK_PERIOD = Duration.ofSeconds(1);

    private final PersistencePolicy.AppendOnly policy;
    private final NodeContext ctx;
    private final CacheEngine engine;
    private final AofWriter writer;
    /** The writer's syncs the disk has not completed yet, by the disk's sync id: one or two at a time. */
    private final Map<Long, AofStorage.SyncDone> syncsInFlight = new HashMap<>();

    AppendOnlyFile(PersistencePolicy.AppendOnly policy, NodeContext ctx, CacheEngine engine) {
        this.policy = policy;
        this.ctx = ctx;
        this.engine = engine;
        this.writer = new AofWriter(new DiskStorage(), policy.fsync(), policy.acksBeforeFsync());
    }

    @Override
    public Recovery start() {
        Recovery recovery = ctx.disk().read(FILE).map(this::replay).orElse(Recovery.NOTHING);
        engine.setWriteLog(writer::append);
        ctx.setTimer(TICK_PERIOD, new FsyncTick());
        ctx.setTimer(policy.osWriteback(), new WritebackTick());
        return recovery;
    }

    @Override
    public void log(byte[][] argv) {
        writer.append(argv);
    }

    @Override
    public void acknowledge(Runnable send) {
        writer.acknowledge(new AofWriter.Acknowledgement() {
            @Override
            public void send() {
                send.run();
            }

            @Override
            public void withhold() {
                // The client hears nothing and times out: its write's outcome stays unknown.
            }
        });
        writer.flush();
    }

    @Override
    public void onTimer(PersistenceTimer timer) {
        switch (timer) {
            case FsyncTick tick -> {
                writer.flush();
                writer.tick();
                ctx.setTimer(TICK_PERIOD, tick);
            }
            case WritebackTick tick -> {
                ctx.disk().sync(); // the kernel's writeback: the writer neither asks for it nor waits
                ctx.setTimer(policy.osWriteback(), tick);
            }
            case SnapshotTick tick -> throw new IllegalStateException("an append-only file takes no snapshots");
        }
    }

    @Override
    public void onSynced(long syncId) {
        AofStorage.SyncDone done = syncsInFlight.remove(syncId);
        if (done != null) {
            done.synced(); // otherwise the kernel's writeback, or the sync that cut a torn tail at start-up
        }
    }

    /** The port the writer uses: appends and syncs of the simulated disk, which never fails. */
    private final class DiskStorage implements AofStorage {
        @Override
        public void append(byte[] bytes, int offset, int length) {
            ctx.disk().append(FILE, Arrays.copyOfRange(bytes, offset, offset + length));
        }

        @Override
        public void syncBeforeReplies(SyncDone done) {
            syncsInFlight.put(ctx.disk().sync(), done);
        }

        @Override
        public void syncInBackground(SyncDone done) {
            syncsInFlight.put(ctx.disk().sync(), done);
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
