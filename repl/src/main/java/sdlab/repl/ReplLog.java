package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sdlab.core.Disk;

/**
 * A node's replication log: the primary's binlog, or a replica's relay log (a promoted replica keeps it as its
 * binlog, so positions never change meaning). Entries are appended to one file and count as durable only once a
 * sync that was issued after them completes.
 *
 * <p>Syncs are grouped as a binlog group commit does: at most one is in flight; entries appended meanwhile wait
 * for the next one, which starts when the first completes. That bounds the syncs in flight to one and lets one
 * sync cover many entries under load.
 */
final class ReplLog {
    /** The log's file on the node's disk. */
    static final String FILE = "repl-log";

    /** The file this log lives in: {@link #FILE}, or another for a node that keeps several logs. */
    private final String file;

    private final List<Entry> entries = new ArrayList<>();
    /** The position a snapshot covered, when the log starts after one: entries 1 to it are not held. */
    private final long basePosition;

    private final long baseOffsetBytes;
    private long durablePosition;
    private long syncIdInFlight = -1;
    private long syncCoversPosition;
    private long syncStartedNanos;
    private boolean syncWanted;

    private ReplLog(String file, long basePosition, long baseOffsetBytes) {
        this.file = file;
        this.basePosition = basePosition;
        this.baseOffsetBytes = baseOffsetBytes;
        this.durablePosition = basePosition;
    }

    /** An empty log (nothing on disk yet). */
    static ReplLog empty() {
        return new ReplLog(FILE, 0, 0);
    }

    /**
     * The relay log of a node that loaded a snapshot as of {@code position}: it holds no entry up to there and takes
     * the next shipped one. The caller has emptied the file and keeps the snapshot beside it, so that a restart
     * {@link #recover}s both. Under the planted bug {@link ReplConfig.Bug#SNAPSHOT_BASE_IN_MEMORY} it keeps neither:
     * after a restart the file's first entry does not follow position 0, so the node recovers an empty log and state
     * and copies the whole log from its source again.
     */
    static ReplLog startingAt(long position, long offsetBytes) {
        return new ReplLog(FILE, position, offsetBytes);
    }

    /**
     * A log that starts after a base backup as of {@code position}, replacing whatever the file held: what a node
     * restored from an archive keeps. The emptied file becomes durable with the log's first sync; the base itself is
     * the caller's to keep ({@link BaseBackup}), so that a restart recovers both.
     */
    static ReplLog restoredAt(long position, long offsetBytes, Disk disk) {
        disk.write(FILE, new byte[0]);
        return new ReplLog(FILE, position, offsetBytes);
    }

    /**
     * The log as the disk holds it after a restart: every whole entry in order up to the first gap or torn line.
     * What it holds was synced (the world drops the rest on a crash), so all of it is durable.
     */
    static ReplLog recover(Disk disk) {
        return recover(disk, FILE, 0, 0);
    }

    /**
     * The log in {@code file} as the disk holds it after a restart, its first entry following {@code basePosition}
     * (0 for a log that starts at the beginning, or the position of the base backup it continues).
     */
    static ReplLog recover(Disk disk, String file, long basePosition, long baseOffsetBytes) {
        ReplLog log = new ReplLog(file, basePosition, baseOffsetBytes);
        String text = disk.read(file)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        long offset = baseOffsetBytes;
        int lineStart = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', lineStart)) {
            String line = text.substring(lineStart, newline);
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            var entry = Entry.parse(line, offset);
            if (entry.isEmpty() || entry.get().position() != log.lastPosition() + 1) {
                break;
            }
            log.entries.add(entry.get());
            lineStart = newline + 1;
        }
        log.durablePosition = log.lastPosition();
        return log;
    }

    /** Appends a new entry for a client's write, at the next position. */
    Entry appendNew(String key, String value, long nowNanos, Disk disk) {
        long position = lastPosition() + 1;
        long end = lastOffsetBytes() + Entry.sizeBytes(position, key, value, nowNanos);
        Entry entry = new Entry(position, key, value, nowNanos, end);
        append(entry, disk);
        return entry;
    }

    /** Appends a shipped entry; it must be the next one. */
    void append(Entry entry, Disk disk) {
        if (entry.position() != lastPosition() + 1) {
            throw new IllegalArgumentException(
                    "entry " + entry.position() + " does not follow the log's last, " + lastPosition());
        }
        entries.add(entry);
        disk.append(file, entry.encode());
    }

    /**
     * Drops every entry after {@code position} and rewrites the file with the rest: what a deposed primary does with
     * the entries its successor never had. Returns how many entries it dropped. The rewrite becomes durable with the
     * next sync; a crash before it leaves the old file, and the node truncates again when it next follows.
     */
    long truncateTo(long position, Disk disk) {
        // Entries up to the base are in a snapshot, not in this log: they cannot be cut (the caller notes it).
        position = Math.max(position, basePosition);
        if (position >= lastPosition()) {
            return 0;
        }
        long dropped = lastPosition() - position;
        entries.subList(Math.toIntExact(Math.max(0, position - basePosition)), entries.size())
                .clear();
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(new String(entry.encode(), StandardCharsets.UTF_8)));
        disk.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        durablePosition = Math.min(durablePosition, position);
        syncCoversPosition = Math.min(syncCoversPosition, position);
        disk.sync(); // not tracked: what remains was durable already, this makes the shorter file so
        return dropped;
    }

    /** Asks for everything appended so far to become durable: now if no sync is in flight, else after it. */
    void syncSoon(Disk disk, long nowNanos) {
        if (durablePosition == lastPosition() || (syncIdInFlight >= 0 && syncCoversPosition == lastPosition())) {
            return;
        }
        if (syncIdInFlight >= 0) {
            syncWanted = true;
            return;
        }
        startSync(disk, nowNanos);
    }

    /**
     * A sync completed. Returns how long it took, or -1 if it was not this log's; starts the next sync if entries
     * are waiting for one.
     */
    long onSynced(long syncId, Disk disk, long nowNanos) {
        if (syncId != syncIdInFlight) {
            return -1;
        }
        durablePosition = Math.max(durablePosition, syncCoversPosition);
        syncIdInFlight = -1;
        long took = nowNanos - syncStartedNanos;
        if (syncWanted) {
            syncWanted = false;
            startSync(disk, nowNanos);
        }
        return took;
    }

    long lastPosition() {
        return basePosition + entries.size();
    }

    /** The position the log continues from: 0, or that of the snapshot or base backup it starts after. */
    long basePosition() {
        return basePosition;
    }

    long lastOffsetBytes() {
        return entries.isEmpty() ? baseOffsetBytes : entries.getLast().endOffsetBytes();
    }

    /** The log's length in bytes after the entry at {@code position}, from the base position to the last. */
    long offsetBytesAt(long position) {
        return position == basePosition ? baseOffsetBytes : entry(position).endOffsetBytes();
    }

    /** The last position a completed sync covers. */
    long durablePosition() {
        return durablePosition;
    }

    /** The entry at {@code position}, from 1 to {@link #lastPosition()}. */
    Entry entry(long position) {
        return entries.get(Math.toIntExact(position - basePosition - 1));
    }

    /** Up to {@code max} entries from {@code from}, not beyond {@code upTo}. */
    List<Entry> slice(long from, long upTo, int max) {
        long end = Math.min(upTo, Math.min(lastPosition(), from + max - 1));
        if (from > end) {
            return List.of();
        }
        return List.copyOf(
                entries.subList(Math.toIntExact(from - basePosition - 1), Math.toIntExact(end - basePosition)));
    }

    /** Every entry, in order (read-only). */
    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    private void startSync(Disk disk, long nowNanos) {
        syncCoversPosition = lastPosition();
        syncStartedNanos = nowNanos;
        syncIdInFlight = disk.sync();
    }
}
