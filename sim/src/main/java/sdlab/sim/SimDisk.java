package sdlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sdlab.core.Disk;

/**
 * A node's disk, with two views: what reads see (every write at once, like a page cache) and
 * what survives a crash (only writes covered by a completed sync).
 *
 * <p>Writes go into a queue of pending operations. A sync remembers how many operations it
 * covers; when it completes, after the configured latency and never before an earlier sync,
 * those operations are applied to the durable view. A crash drops the pending queue and
 * rebuilds the readable view from the durable one. With torn writes on, if the last pending
 * operation is an append and every pending operation on that file is an append, a random
 * prefix of those appended bytes survives, as when a disk tears the tail of a log.
 */
final class SimDisk implements Disk {

    /** The trace's subject for a completed sync; its text is built only if the trace is kept. */
    private record SyncCompleted(long syncId) {
        @Override
        public String toString() {
            return "sync " + syncId;
        }
    }

    private final Endpoint owner;
    private final SplittableRandom random;
    // Hash maps: every write looks its file up, and only files() needs the names in order.
    private Map<String, FileBytes> current = new HashMap<>();
    private final Map<String, FileBytes> durable = new HashMap<>();
    private final ArrayDeque<DiskOp> pending = new ArrayDeque<>();
    /** Operations issued so far; the head of {@code pending} is operation number {@code opsSettled}. */
    private long opsIssued;

    private long opsSettled;
    private long syncCount;
    private long lastSyncDueNanos;

    SimDisk(Endpoint owner, SplittableRandom random) {
        this.owner = owner;
        this.random = random;
    }

    @Override
    public void write(String file, byte[] content) {
        Objects.requireNonNull(file, "file");
        FileBytes bytes = FileBytes.of(content);
        current.put(file, bytes);
        issue(new DiskOp.Write(file, bytes.toArray()));
    }

    @Override
    public void append(String file, byte[] bytes) {
        Objects.requireNonNull(file, "file");
        byte[] copy = bytes.clone();
        current.computeIfAbsent(file, f -> new FileBytes()).append(copy, copy.length);
        issue(new DiskOp.Append(file, copy));
    }

    @Override
    public Optional<byte[]> read(String file) {
        FileBytes bytes = current.get(file);
        return bytes == null ? Optional.empty() : Optional.of(bytes.toArray());
    }

    @Override
    public void delete(String file) {
        Objects.requireNonNull(file, "file");
        if (current.remove(file) != null) {
            issue(new DiskOp.Delete(file));
        }
    }

    @Override
    public SortedSet<String> files() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(current.keySet()));
    }

    @Override
    public long sync() {
        Engine engine = owner.engine;
        long syncId = ++syncCount;
        long covers = opsIssued;
        long incarnation = owner.incarnation();
        long latencyNanos = engine.diskConfig().syncLatency().sampleNanos(random);
        // Syncs complete in the order they were asked for, as an fsync barrier does.
        long dueNanos = Math.max(lastSyncDueNanos, engine.now() + latencyNanos);
        lastSyncDueNanos = dueNanos;
        engine.schedule(dueNanos, e -> complete(syncId, covers, incarnation));
        return syncId;
    }

    /** Sync {@code syncId} completes: operations before number {@code covers} become durable. */
    private void complete(long syncId, long covers, long incarnation) {
        if (incarnation != owner.incarnation()) {
            return; // the node crashed since: the writes this sync covered are gone
        }
        while (opsSettled < covers) {
            applyDurably(pending.removeFirst());
            opsSettled++;
        }
        Engine engine = owner.engine;
        engine.trace()
                .record(
                        engine.now(),
                        TraceEvent.Kind.SYNC,
                        owner.index,
                        TraceRecorder.NONE,
                        new SyncCompleted(syncId),
                        null);
        owner.synced(syncId, incarnation);
    }

    /** Loses every pending write; returns what was lost, or null if nothing was. */
    String crash(boolean tornWrites) {
        if (pending.isEmpty()) {
            return null;
        }
        int lost = pending.size();
        String torn = tornWrites ? tearTail() : null;
        opsSettled += pending.size();
        pending.clear();
        Map<String, FileBytes> rebuilt = new HashMap<>();
        durable.forEach((file, bytes) -> rebuilt.put(file, bytes.copy()));
        current = rebuilt;
        return lost + " unsynced write" + (lost == 1 ? "" : "s") + " lost" + (torn == null ? "" : "; " + torn);
    }

    /** The durable content of {@code file}, for tests and reports. */
    Optional<byte[]> readDurable(String file) {
        FileBytes bytes = durable.get(file);
        return bytes == null ? Optional.empty() : Optional.of(bytes.toArray());
    }

    private void issue(DiskOp op) {
        pending.addLast(op);
        opsIssued++;
    }

    private void applyDurably(DiskOp op) {
        switch (op) {
            case DiskOp.Write write -> durable.put(write.file(), FileBytes.of(write.content()));
            case DiskOp.Append append ->
                durable.computeIfAbsent(append.file(), f -> new FileBytes())
                        .append(append.bytes(), append.bytes().length);
            case DiskOp.Delete delete -> durable.remove(delete.file());
        }
    }

    private String tearTail() {
        if (!(pending.peekLast() instanceof DiskOp.Append last)) {
            return null;
        }
        List<byte[]> appended = new ArrayList<>();
        int total = 0;
        for (DiskOp op : pending) {
            if (!op.file().equals(last.file())) {
                continue;
            }
            if (!(op instanceof DiskOp.Append append)) {
                return null;
            }
            appended.add(append.bytes());
            total += append.bytes().length;
        }
        int kept = random.nextInt(total + 1);
        int remaining = kept;
        for (byte[] bytes : appended) {
            int count = Math.min(remaining, bytes.length);
            if (count > 0) {
                durable.computeIfAbsent(last.file(), f -> new FileBytes()).append(bytes, count);
            }
            remaining -= count;
        }
        return "torn append to " + last.file() + " kept " + kept + " of " + total + " bytes";
    }
}
