package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed write in the replication log: the binlog event (or WAL record) that the primary appends and
 * every replica copies into its relay log.
 *
 * @param position the entry's place in the log, from 1 with no gaps: the GTID sequence number or LSN that
 *     read-your-writes waits for
 * @param key the key written
 * @param value the value written
 * @param commitNanos when the primary appended it, by the primary's clock: what {@code Seconds_Behind_Source}
 *     subtracts from the replica's clock
 * @param endOffsetBytes the log's length in bytes after this entry, as a binlog file position counts it
 */
public record Entry(long position, String key, String value, long commitNanos, long endOffsetBytes) {
    /**
     * The value of a delete: a write of it removes the key, as a row-based binlog's delete event does. It is a single
     * NUL character, which a front door never lets a client write as a value of its own.
     */
    public static final String DELETED = "\0";

    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, got " + position);
        }
        if (key.contains("\t") || key.contains("\n") || value.contains("\t") || value.contains("\n")) {
            throw new IllegalArgumentException("keys and values hold no tabs or newlines");
        }
    }

    /** The entry's bytes in the log file: one line of tab-separated fields (the offset is implied by the file). */
    byte[] encode() {
        return line(position, key, value, commitNanos).getBytes(StandardCharsets.UTF_8);
    }

    /** How many bytes an entry with these fields takes in the log file. */
    static long sizeBytes(long position, String key, String value, long commitNanos) {
        return line(position, key, value, commitNanos).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Parses one line (without its newline), given the offset it ends at; empty if the line is not a whole entry. */
    static Optional<Entry> parse(String line, long endOffsetBytes) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(
                    Long.parseLong(fields[0]), fields[1], fields[2], Long.parseLong(fields[3]), endOffsetBytes));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String line(long position, String key, String value, long commitNanos) {
        return position + "\t" + key + "\t" + value + "\t" + commitNanos + "\n";
    }
}
