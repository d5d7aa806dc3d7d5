package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * The origin's side of asynchronous replication: every write it took, per other replica, until
 * that replica acknowledges it. A write unacknowledged for the resend interval goes out again, so
 * that replicas converge once a partition heals or a lost message is noticed.
 */
final class ReplicationOutbox {
    /** Unacknowledged writes per replica at most; beyond, the origin refuses new writes. */
    static final int UNACKED_MAX = 100_000;

    /** Writes resent per replica per resend round at most, oldest first. */
    static final int RESEND_BATCH_MAX = 256;

    /** When a write owed to a replica was last sent, or {@link #NEVER_SENT}. */
    private record Entry(CausalWrite write, long sentAtNanos) {}

    private static final long NEVER_SENT = Long.MIN_VALUE;

    private final Map<NodeId, TreeMap<Version, Entry>> unacked = new LinkedHashMap<>();

    ReplicationOutbox(List<NodeId> peers) {
        for (NodeId peer : peers) {
            unacked.put(peer, new TreeMap<>());
        }
    }

    /** Whether every replica's backlog has room for one more write. */
    boolean hasRoom() {
        return unacked.values().stream().allMatch(writes -> writes.size() < UNACKED_MAX);
    }

    /** Records {@code write} as sent to every other replica now. */
    void sentToAll(CausalWrite write, long nowNanos) {
        unacked.values().forEach(writes -> writes.put(write.version(), new Entry(write, nowNanos)));
    }

    /**
     * Records {@code write} as owed to every other replica and not yet sent, so that the next resend
     * round sends it: a restarted replica does not know who acknowledged what before its crash.
     */
    void owedToAll(CausalWrite write) {
        unacked.values().forEach(writes -> writes.put(write.version(), new Entry(write, NEVER_SENT)));
    }

    void acknowledged(NodeId peer, Version version) {
        TreeMap<Version, Entry> writes = unacked.get(peer);
        if (writes != null) {
            writes.remove(version);
        }
    }

    /** A write to send again to a replica. */
    record Resend(NodeId peer, CausalWrite write) {}

    /** The writes sent at least {@code resendNanos} ago and still unacknowledged, marked as sent now. */
    List<Resend> due(long nowNanos, long resendNanos) {
        List<Resend> due = new ArrayList<>();
        for (Map.Entry<NodeId, TreeMap<Version, Entry>> peer : unacked.entrySet()) {
            int batch = 0;
            for (Map.Entry<Version, Entry> entry : peer.getValue().entrySet()) {
                if (batch == RESEND_BATCH_MAX) {
                    break;
                }
                long sentAt = entry.getValue().sentAtNanos();
                if (sentAt == NEVER_SENT || nowNanos - sentAt >= resendNanos) {
                    due.add(new Resend(peer.getKey(), entry.getValue().write()));
                    entry.setValue(new Entry(entry.getValue().write(), nowNanos));
                    batch++;
                }
            }
        }
        return due;
    }

    int unackedCount(NodeId peer) {
        return unacked.getOrDefault(peer, new TreeMap<>()).size();
    }
}
