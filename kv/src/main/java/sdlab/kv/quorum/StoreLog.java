package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
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

    /** A generation's number in its file name is zero-padded to this many digits. */
    private static final int GENERATION_DIGITS = 6;

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

    /**
     * The generation's file name, its number zero-padded to six digits so that names sort as numbers do. Padded by
     * hand: every node start names its file, nine runs a seed, and {@code String.format} was a visible share of a
     * sweep's setup (and one more method for the JIT to compile in a cold CLI run).
     */
    static String fileOf(long generation) {
        String digits = Long.toString(generation);
        return digits.length() >= GENERATION_DIGITS
                ? FILE_PREFIX + digits
                : FILE_PREFIX + "0".repeat(GENERATION_DIGITS - digits.length()) + digits;
    }

    private static long generationOf(String file) {
        try {
            return Long.parseLong(file.substring(FILE_PREFIX.length()));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }
}
