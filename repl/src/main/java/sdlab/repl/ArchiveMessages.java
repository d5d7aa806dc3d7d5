package sdlab.repl;

import java.util.List;
import sdlab.repl.ReplMessages.KeyValue;

/**
 * The messages of a cold standby's archive ({@link ArchiveNode}): the primary ships it the log, and a standby being
 * restored fetches a base backup and the log after it. A family of its own within {@link ReplFamily}, so that what a
 * hot replica speaks stays apart.
 */
public sealed interface ArchiveMessages extends ReplFamily {

    /**
     * Consecutive log entries: from the primary to the archive, to be kept; from the archive to a standby being
     * restored, the next stretch after what it asked for (none: it has everything).
     */
    record Segment(List<Entry> entries) implements ArchiveMessages {
        public Segment {
            entries = List.copyOf(entries);
        }
    }

    /** The archive to the primary: it holds the log up to {@code position}, synced. */
    record Archived(long position) implements ArchiveMessages {}

    /**
     * A standby being restored to the archive: the base backup when {@code afterPosition} is negative (which also
     * makes the asker the archive's one source from now on), else the log after {@code afterPosition}.
     */
    record Fetch(long afterPosition) implements ArchiveMessages {}

    /**
     * A base backup: the state as of {@code position} (0 and no pairs before any), which the log continues from
     * {@code position + 1}.
     *
     * @param commitNanos the primary's commit time of the entry at {@code position} (0 for none)
     * @param offsetBytes the log's length after that entry
     */
    record BaseBackup(long position, long commitNanos, long offsetBytes, List<KeyValue> pairs)
            implements ArchiveMessages {
        public BaseBackup {
            pairs = List.copyOf(pairs);
            if (position < 0) {
                throw new IllegalArgumentException("a base backup's position cannot be negative");
            }
        }
    }
}
