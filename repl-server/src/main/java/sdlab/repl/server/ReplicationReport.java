package sdlab.repl.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdlab.core.NodeId;
import sdlab.repl.ReplNode;
import sdlab.repl.ReplicaLag;
import sdlab.repl.ReplicaPosition;
import sdlab.repl.SemiSyncStatus;
import sdlab.resp.RespReply;

/**
 * {@code INFO replication} and {@code ROLE}, in Redis's shape so that tools that read them work, with the store's
 * own figures beside Redis's names. Offsets are log positions (entries, the GTID sequence number), not bytes as in
 * Redis; the byte length of the log is shown apart. The semi-sync counters carry MySQL's status-variable names.
 */
final class ReplicationReport {
    /** A replica that heard nothing from its source for this long shows its link as down. */
    private static final long LINK_DOWN_AFTER_NANOS = 1_000_000_000L;

    private final ReplRespDoor door;

    ReplicationReport(ReplRespDoor door) {
        this.door = door;
    }

    /** The INFO text for {@code section} (empty or "all": every section; an unknown one: nothing, as Redis). */
    String info(String section) {
        String wanted = section.toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        if (wanted.isEmpty() || wanted.equals("all") || wanted.equals("default") || wanted.equals("server")) {
            server(text);
        }
        if (wanted.isEmpty() || wanted.equals("all") || wanted.equals("default") || wanted.equals("replication")) {
            if (!text.isEmpty()) {
                text.append("\r\n");
            }
            replication(text);
        }
        return text.toString();
    }

    /** ROLE: {@code master, offset, [[ip, port, offset]...]} or {@code slave, ip, port, state, offset}. */
    RespReply role() {
        ReplNode node = door.node();
        if (node.isPrimary()) {
            List<RespReply> replicas = new ArrayList<>();
            for (ReplicaPosition replica : node.replicaPositions()) {
                if (replica.reported()) {
                    replicas.add(RespReply.array(List.of(
                            RespReply.bulk("127.0.0.1"),
                            RespReply.bulk(Integer.toString(door.settings().respPort(replica.replica()))),
                            RespReply.bulk(Long.toString(replica.flushedPosition())))));
                }
            }
            return RespReply.array(List.of(
                    RespReply.bulk("master"), RespReply.integer(node.lastPosition()), RespReply.array(replicas)));
        }
        if (node.joining()) {
            // Redis's ROLE for a replica still taking its first copy: state "sync", offset -1. The source is not
            // known to the door until the snapshot is loaded.
            return RespReply.array(List.of(
                    RespReply.bulk("slave"),
                    RespReply.bulk("127.0.0.1"),
                    RespReply.integer(-1),
                    RespReply.bulk("sync"),
                    RespReply.integer(-1)));
        }
        NodeId source = node.source().orElseThrow();
        return RespReply.array(List.of(
                RespReply.bulk("slave"),
                RespReply.bulk("127.0.0.1"),
                RespReply.integer(door.settings().respPort(source)),
                RespReply.bulk(linkUp(node) ? "connected" : "connect"),
                RespReply.integer(node.lastPosition())));
    }

    private void server(StringBuilder text) {
        line(text, "# Server");
        line(text, "sdlab_node", door.self().name());
        line(text, "process_id", ProcessHandle.current().pid());
        line(text, "tcp_port", door.settings().respPort(door.self()));
        line(text, "sdlab_mode", door.settings().modeName());
    }

    private void replication(StringBuilder text) {
        ReplNode node = door.node();
        line(text, "# Replication");
        if (node.isPrimary()) {
            primary(node, text);
        } else if (node.joining()) {
            joining(text);
        } else {
            replica(node, text);
        }
    }

    private void primary(ReplNode node, StringBuilder text) {
        line(text, "role", "master");
        line(text, "sdlab_takes_writes", node.takesWrites() ? 1 : 0);
        List<ReplicaPosition> reported = node.replicaPositions().stream()
                .filter(ReplicaPosition::reported)
                .toList();
        line(text, "connected_slaves", reported.size());
        int i = 0;
        for (ReplicaPosition replica : reported) {
            line(
                    text,
                    "slave" + i++,
                    "id=%s,ip=127.0.0.1,port=%d,state=online,offset=%d,received=%d,flushed=%d,applied=%d,behind=%d"
                            .formatted(
                                    replica.replica(),
                                    door.settings().respPort(replica.replica()),
                                    replica.flushedPosition(),
                                    replica.receivedPosition(),
                                    replica.flushedPosition(),
                                    replica.appliedPosition(),
                                    node.lastPosition() - replica.appliedPosition()));
        }
        line(text, "master_repl_offset", node.lastPosition());
        line(text, "sdlab_visible_position", node.appliedPosition());
        line(text, "sdlab_log_entries", node.lastPosition());
        node.semiSync().ifPresent(status -> semiSync(status, text));
    }

    private void semiSync(SemiSyncStatus status, StringBuilder text) {
        String mode = door.settings().modeName();
        if (!mode.startsWith("semisync")) {
            return;
        }
        line(text, "rpl_semi_sync_master_status", status.on() ? "ON" : "OFF");
        line(text, "rpl_semi_sync_master_yes_tx", status.yesTx());
        line(text, "rpl_semi_sync_master_no_tx", status.noTx());
        line(text, "rpl_semi_sync_master_off_times", status.offTimes());
        line(text, "sdlab_semi_sync_on_times", status.onTimes());
        line(text, "rpl_semi_sync_master_wait_for_slave_count", door.settings().acksRequired());
        line(text, "rpl_semi_sync_master_timeout", door.settings().semiSyncTimeoutMillis());
    }

    /** A node still loading its snapshot: Redis's fields for a replica in its first sync, which serves no reads. */
    private static void joining(StringBuilder text) {
        line(text, "role", "slave");
        line(text, "master_link_status", "down");
        line(text, "master_sync_in_progress", 1);
        line(text, "loading", 1);
        line(text, "sdlab_reads", "refused: loading a snapshot");
    }

    private void replica(ReplNode node, StringBuilder text) {
        NodeId source = node.source().orElseThrow();
        ReplicaLag lag = node.lag(door.nowNanos()).orElseThrow();
        line(text, "role", "slave");
        line(text, "master_host", "127.0.0.1");
        line(text, "master_port", door.settings().respPort(source));
        line(text, "sdlab_master_node", source.name());
        line(text, "master_link_status", linkUp(node) ? "up" : "down");
        line(text, "slave_read_only", 1);
        line(text, "slave_repl_offset", node.lastPosition());
        line(text, "sdlab_applied_position", node.appliedPosition());
        line(
                text,
                "sdlab_reads",
                "served from the applied state at position " + node.appliedPosition() + ": possibly stale");
        line(text, "sdlab_entries_behind_received", lag.entriesBehindReceived());
        line(text, "sdlab_entries_behind_applied", lag.entriesBehindApplied());
        line(text, "sdlab_bytes_behind_received", lag.bytesBehindReceived());
        line(text, "sdlab_seconds_behind_source_ms", lag.secondsBehindSourceNanos() / 1_000_000);
        line(text, "sdlab_receive_lag_ms", lag.receiveLagNanos() < 0 ? -1 : lag.receiveLagNanos() / 1_000_000);
    }

    private boolean linkUp(ReplNode node) {
        long receiveLag =
                node.lag(door.nowNanos()).map(ReplicaLag::receiveLagNanos).orElse(-1L);
        return receiveLag >= 0 && receiveLag < LINK_DOWN_AFTER_NANOS;
    }

    private static void line(StringBuilder text, String heading) {
        text.append(heading).append("\r\n");
    }

    private static void line(StringBuilder text, String field, Object value) {
        text.append(field).append(':').append(value).append("\r\n");
    }
}
