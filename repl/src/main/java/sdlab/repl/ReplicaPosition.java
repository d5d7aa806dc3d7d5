package sdlab.repl;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How far one replica has taken the primary's log, as the primary last heard from it: what MySQL's {@code SHOW
 * REPLICAS} and PostgreSQL's {@code pg_stat_replication} ({@code write_lsn}, {@code flush_lsn}, {@code replay_lsn})
 * show on the primary.
 *
 * @param replica the replica
 * @param reported whether the replica has reported at all since this node became primary
 * @param receivedPosition the last entry it wrote to its relay log
 * @param flushedPosition the last entry it synced there: what a semi-sync acknowledgement counts
 * @param appliedPosition the last entry its readers see
 */
public record ReplicaPosition(
        NodeId replica, boolean reported, long receivedPosition, long flushedPosition, long appliedPosition) {
    public ReplicaPosition {
        Objects.requireNonNull(replica, "replica");
    }
}
