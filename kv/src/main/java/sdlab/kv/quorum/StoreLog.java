package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdlab.core.Disk;

/**
 * A replica's log on disk, kept in generations so that it stays bounded.
 *
 * <p>Writes append to the current generation's file. Compaction starts a new generation with
 * a snapshot of the live state and deletes the older files only after the snapshot is synced,
 * so a crash at any moment leaves either the old files, or the old and the new: replaying
 * every surviving file (records only raise versions) rebuilds at least every synced write.
 */
final class StoreLog {
    static final String FILE_PREFIX = "quorum-log-";

    private long generation;
    /** The current generation's file name, kept because every append needs it. */
    private String file;

    private long recordsInGeneration;

    private StoreLog(long generation) {
        this.generation = generation;
        this.file = fileOf(generation);
    }

    /** What the files on disk hold. */
    record Recovered(List<LogRecord> records, List<String> files, long generationMax) {}

    static Recovered read(Disk disk) {
        List<String> files = logFiles(disk);
        List<LogRecord> records = new ArrayList<>();
        long generationMax = 0;
        for (String file : files) {
            generationMax = Math.max(generationMax, generationOf(file));
            disk.read(file)
                    .ifPresent(bytes -> records.addAll(LogCodec.decode(bytes).records()));
        }
        return new Recovered(records, files, generationMax);
    }

    /** A log whose next compaction will start generation {@code generationMax + 1}. */
    static StoreLog after(long generationMax) {
        return new StoreLog(generationMax);
    }

    void append(Disk disk, LogRecord record) {
        disk.append(file, LogCodec.encode(record));
        recordsInGeneration++;
    }

    long recordsInGeneration() {
        return recordsInGeneration;
    }

    /**
     * Starts a new generation holding {@code snapshot}; returns the older files, which the
     * caller deletes once a sync issued after this call has completed.
     */
    List<String> rewrite(Disk disk, List<LogRecord> snapshot) {
        List<String> older = logFiles(disk);
        generation++;
        file = fileOf(generation);
        disk.write(file, LogCodec.encodeAll(snapshot));
        recordsInGeneration = snapshot.size();
        older.remove(file);
        return older;
    }

    private static List<String> logFiles(Disk disk) {
        List<String> files = new ArrayList<>();
        for (String file : disk.files()) {
            if (file.startsWith(FILE_PREFIX) && generationOf(file) >= 0) {
                files.add(file);
            }
        }
        files.sort((a, b) -> Long.compare(generationOf(a), generationOf(b)));
        return files;
    }

    private static String fileOf(long generation) {
        return FILE_PREFIX + String.format(Locale.ROOT, "%06d", generation);
    }

    private static long generationOf(String file) {
        try {
            return Long.parseLong(file.substring(FILE_PREFIX.length()));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }
}
