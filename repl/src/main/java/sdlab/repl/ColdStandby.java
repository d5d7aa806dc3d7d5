package sdlab.repl;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * A cold standby's arrangement: the primary ships its log to an archive ({@link ArchiveNode}) every
 * {@code archiveEveryNanos}, as PostgreSQL's {@code archive_command} does with {@code archive_timeout}; the archive
 * keeps a base backup of its own every {@code baseBackupEveryNanos}; the standby is not running. To fail over, it is
 * started ({@code bootNanos}), restores the latest base backup and replays the archived log after it, and only then
 * takes writes. A primary it replaced goes cold in its turn (the next standby), instead of replicating. All times are
 * the nodes' own clocks, in nanoseconds.
 *
 * @param archive the archive node
 * @param archiveEveryNanos how often the primary sends the archive what it has not archived yet: the most that a
 *     failover can lose, plus a transfer
 * @param baseBackupEveryNanos how often the archive takes a base backup (its state as of its last entry); a restore
 *     replays the log written since the latest one
 * @param bootNanos how long a stopped standby takes to start before it can restore: the machine and the database
 *     process (a cost input; the restore's transfers and replay are the simulator's)
 * @param startsCold whether this node is the standby at the start (else it starts as the configuration says)
 */
public record ColdStandby(
        NodeId archive, long archiveEveryNanos, long baseBackupEveryNanos, long bootNanos, boolean startsCold) {
    public ColdStandby {
        Objects.requireNonNull(archive, "archive");
        if (archiveEveryNanos <= 0 || baseBackupEveryNanos <= 0 || bootNanos < 0) {
            throw new IllegalArgumentException(
                    "the archive and base backup intervals must be positive, the boot time not negative");
        }
    }

    /** The same arrangement for the node that starts as the cold standby. */
    public ColdStandby standby() {
        return new ColdStandby(archive, archiveEveryNanos, baseBackupEveryNanos, bootNanos, true);
    }
}
