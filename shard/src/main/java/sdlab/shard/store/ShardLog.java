package sdlab.shard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.shard.store.ShardSettings.Durability;

/**
 * A shard's log on its node's disk, and the promises that wait for it: a reply that says something is kept (a put's
 * answer, a handoff's acknowledgement, {@code Ready}, a handoff sent once the table that made it is logged) goes out
 * only once a sync issued after the write completes. In memory the log writes nothing and promises go at once; with the
 * planted {@link Durability#ACK_BEFORE_SYNC} the log writes and syncs alike, but promises go at once, before the sync.
 *
 * <p>One file, appended to; when it has grown to {@link #COMPACT_FACTOR} times the entries held (and at least {@link
 * #COMPACT_RECORDS_MIN} records) and no change is in progress, the shard rewrites it as its table and entries. Until
 * the rewrite is synced the disk keeps the old content, which holds at least as much.
 */
final class ShardLog {
    static final String FILE = "shard-log";
    static final int COMPACT_RECORDS_MIN = 4096;
    static final int COMPACT_FACTOR = 4;

    private final Durability durability;
    private final String file;
    /** Messages waiting for a sync, by the sync's id; syncs complete in the order they were issued. */
    private final TreeMap<Long, List<Promise>> waiting = new TreeMap<>();

    private long writesUnsynced;
    private long lastSyncIssued = -1;
    private long lastSyncDone = -1;
    private long records;

    private record Promise(NodeId to, Message message) {}

    ShardLog(Durability durability) {
        this(durability, FILE);
    }

    /** A log in {@code file} of the node's disk (the placement node keeps its tables in one of its own). */
    ShardLog(Durability durability, String file) {
        this.durability = durability;
        this.file = file;
    }

    boolean durable() {
        return durability != Durability.MEMORY;
    }

    /** The records on {@code ctx}'s disk before any torn tail; the tail is cut off so that appends follow them. */
    List<ShardLogRecord> recover(NodeContext ctx) {
        if (!durable()) {
            return List.of();
        }
        byte[] bytes = ctx.disk().read(file).orElse(new byte[0]);
        ShardLogCodec.Decoded decoded = ShardLogCodec.decode(bytes);
        if (decoded.validBytes() < bytes.length) {
            ctx.note("shard log: a torn tail of " + (bytes.length - decoded.validBytes()) + " bytes cut off");
            byte[] valid = new byte[decoded.validBytes()];
            System.arraycopy(bytes, 0, valid, 0, valid.length);
            ctx.disk().write(file, valid);
            writesUnsynced++;
        }
        records = decoded.records().size();
        return decoded.records();
    }

    void append(ShardLogRecord record, NodeContext ctx) {
        if (durable()) {
            ctx.disk().append(file, ShardLogCodec.encode(record));
            writesUnsynced++;
            records++;
        }
    }

    /** Whether the log has grown well past the {@code entriesHeld} that a rewrite would keep. */
    boolean compactionDue(int entriesHeld) {
        return durable() && records >= Math.max(COMPACT_RECORDS_MIN, (long) COMPACT_FACTOR * entriesHeld);
    }

    /** Replaces the log by {@code table} and {@code entries}: the whole state when no change is in progress. */
    void rewrite(RoutingTable table, Map<String, Long> entries, NodeContext ctx) {
        List<ShardLogRecord> snapshot = new ArrayList<>(entries.size() + 1);
        snapshot.add(new ShardLogRecord.Begin(table));
        entries.forEach((key, value) -> snapshot.add(new ShardLogRecord.Put(key, value)));
        rewriteAs(snapshot, ctx);
    }

    /** Replaces the log by {@code snapshot}, records that hold at least what the log held. */
    void rewriteAs(List<ShardLogRecord> snapshot, NodeContext ctx) {
        ctx.disk().write(file, ShardLogCodec.encodeAll(snapshot));
        writesUnsynced++;
        records = snapshot.size();
    }

    /** Whether the log holds more than {@code recordsMax} records. */
    boolean longerThan(int recordsMax) {
        return durable() && records > recordsMax;
    }

    /** Sends {@code message} once every write made so far is durable (at once in memory, or under the planted bug). */
    void promise(NodeId to, Message message, NodeContext ctx) {
        if (!durable()) {
            ctx.send(to, message);
            return;
        }
        if (writesUnsynced > 0) {
            lastSyncIssued = ctx.disk().sync();
            writesUnsynced = 0;
        }
        if (durability == Durability.SYNCED && lastSyncIssued > lastSyncDone) {
            waiting.computeIfAbsent(lastSyncIssued, id -> new ArrayList<>()).add(new Promise(to, message));
        } else {
            ctx.send(to, message);
        }
    }

    /** Makes the writes so far durable without anyone waiting, as after recovery. */
    void syncNow(NodeContext ctx) {
        if (durable() && writesUnsynced > 0) {
            lastSyncIssued = ctx.disk().sync();
            writesUnsynced = 0;
        }
    }

    void synced(long syncId, NodeContext ctx) {
        lastSyncDone = Math.max(lastSyncDone, syncId);
        while (!waiting.isEmpty() && waiting.firstKey() <= syncId) {
            waiting.pollFirstEntry().getValue().forEach(p -> ctx.send(p.to(), p.message()));
        }
    }
}
