package sdlab.repl;

import java.util.List;
import sdlab.core.NodeContext;
import sdlab.repl.ArchiveMessages.Archived;
import sdlab.repl.ArchiveMessages.Segment;

/**
 * A primary's side of a cold standby's archive: at every archive timeout it sends the archive, in one segment, the
 * synced log the archive has not confirmed (at most {@link #SEGMENT_ENTRIES_MAX} entries; the rest waits for the next
 * timeout), as {@code archive_command} ships a whole WAL segment file. One segment per timeout matters: several sent
 * at once may arrive out of order, and the archive keeps only what follows its log, so an archive catching up after
 * a restart would take one timeout per segment. It learns where the archive is from its confirmations; until the
 * first, it sends an empty segment, which the archive answers with its position. Whatever the archive did not
 * confirm is sent again at the next timeout (entries it already has, it drops).
 */
final class Archiver {
    /** Entries in one segment, at most: far above a timeout's writes, and within what the wire format carries. */
    static final int SEGMENT_ENTRIES_MAX = 16_384;

    private final ColdStandby settings;
    private boolean known;
    private long archived;

    Archiver(ColdStandby settings) {
        this.settings = settings;
    }

    /** This node became primary: where the archive stands must be learnt again. */
    void restart() {
        known = false;
        archived = 0;
    }

    /** The archive timeout: send what the archive lacks of {@code log}. */
    void onTimeout(ReplLog log, NodeContext ctx) {
        if (!known) {
            ctx.send(settings.archive(), new Segment(List.of()));
            return;
        }
        long from = Math.max(archived, log.basePosition()) + 1;
        if (from <= log.durablePosition()) {
            ctx.send(settings.archive(), new Segment(log.slice(from, log.durablePosition(), SEGMENT_ENTRIES_MAX)));
        }
    }

    /** The archive confirmed that it holds the log up to {@code archived.position()}. */
    void onArchived(Archived confirmed) {
        known = true;
        archived = confirmed.position();
    }

    /** The last position the archive confirmed (0 before any). */
    long archivedPosition() {
        return archived;
    }
}
