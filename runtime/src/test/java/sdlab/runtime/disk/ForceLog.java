package sdlab.runtime.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What reached the device and what the disk reported, in the order it happened: a
 * {@link FileDisk.Forcer} that records each force once the real one has returned, and the disk's
 * {@link FileDisk.SyncListener}. {@link #violations} then checks the one promise a sync makes:
 * it is reported only after everything it covers was forced.
 */
final class ForceLog implements FileDisk.Forcer, FileDisk.SyncListener {
    sealed interface Event {}

    record ForcedFile(String name) implements Event {}

    record ForcedDirectory() implements Event {}

    record Synced(long syncId) implements Event {}

    /** A sync about to be requested, after the writes it covers; its id is known once requested. */
    record Requesting(AtomicLong syncId) implements Event {}

    record Failed(long syncId, IOException cause) implements Event {}

    /** What one sync must have forced: the files appended to since the previous one, and the directory if it changed. */
    record Expected(Set<String> files, boolean directory) {}

    private final FileDisk.Forcer real;
    final List<Event> events = new CopyOnWriteArrayList<>();

    ForceLog() {
        this(FileDisk.Forcer.REAL);
    }

    ForceLog(FileDisk.Forcer real) {
        this.real = real;
    }

    @Override
    public void forceFile(Path file, FileChannel channel) throws IOException {
        real.forceFile(file, channel);
        events.add(new ForcedFile(file.getFileName().toString()));
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        real.forceDirectory(directory);
        events.add(new ForcedDirectory());
    }

    @Override
    public void synced(long syncId) {
        events.add(new Synced(syncId));
    }

    @Override
    public void failed(long syncId, IOException cause) {
        events.add(new Failed(syncId, cause));
    }

    /**
     * Requests a sync of {@code disk}, marking the moment first: a force that covers the sync
     * happens after this mark (the writes before it are then in the file) and before the report.
     */
    long sync(FileDisk disk) {
        AtomicLong id = new AtomicLong(-1);
        events.add(new Requesting(id));
        long syncId = disk.sync();
        id.set(syncId);
        return syncId;
    }

    /** Waits until the disk has reported on {@code syncId}, one way or the other. */
    void awaitReport(long syncId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reportOn(syncId) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no report on sync " + syncId + " within 10 s; events: " + events);
            }
            Thread.sleep(1);
        }
    }

    Event reportOn(long syncId) {
        for (Event event : events) {
            if (event instanceof Synced s && s.syncId() == syncId
                    || event instanceof Failed f && f.syncId() == syncId) {
                return event;
            }
        }
        return null;
    }

    List<Long> syncedIds() {
        return events.stream()
                .filter(Synced.class::isInstance)
                .map(event -> ((Synced) event).syncId())
                .toList();
    }

    /**
     * Every way the log breaks the promise: a sync reported before a file it covers, or the
     * directory, was forced (syncs not in {@code expected} need nothing). A sync's forces are those
     * between its request (see {@link #sync}) and its report; several syncs may share them (group
     * commit). A sync requested without the mark has the forces since the previous report.
     */
    List<String> violations(Map<Long, Expected> expected) {
        List<String> violations = new ArrayList<>();
        int previousReport = 0;
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Synced synced)) {
                continue;
            }
            Expected sync = expected.getOrDefault(synced.syncId(), new Expected(Set.of(), false));
            List<Event> window = events.subList(requestMark(synced.syncId()).orElse(previousReport), i);
            for (String file : sync.files()) {
                if (!window.contains(new ForcedFile(file))) {
                    violations.add("sync " + synced.syncId() + " was reported before " + file + " was forced");
                }
            }
            if (sync.directory() && !window.contains(new ForcedDirectory())) {
                violations.add("sync " + synced.syncId() + " was reported before the directory was forced");
            }
            previousReport = i + 1;
        }
        for (long syncId : expected.keySet()) {
            if (!syncedIds().contains(syncId)) {
                violations.add("sync " + syncId + " was never reported synced");
            }
        }
        return violations;
    }

    private java.util.Optional<Integer> requestMark(long syncId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Requesting requesting
                    && requesting.syncId().get() == syncId) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
