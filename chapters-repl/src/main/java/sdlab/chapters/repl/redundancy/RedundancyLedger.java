package sdlab.chapters.repl.redundancy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.repl.Entry;
import sdlab.repl.HealthCheck;
import sdlab.repl.ReplObserver;

/**
 * What the store reported in one run of chapter 3: which primary acknowledged each client write (by value, unique per
 * write; the manager's heartbeat rows left out), every promotion and every restore. One per run.
 */
final class RedundancyLedger implements ReplObserver {
    /** {@code node} became primary at {@code atNanos}. */
    record Promotion(NodeId node, long atNanos) {}

    /** {@code node} finished restoring from the archive at {@code atNanos}, {@code tookNanos} after it was told to. */
    record Restore(NodeId node, long basePosition, long position, long tookNanos, long atNanos) {}

    final Map<String, NodeId> acknowledgedBy = new HashMap<>();
    final List<Promotion> promotions = new ArrayList<>();
    final List<Restore> restores = new ArrayList<>();
    long discarded;

    @Override
    public void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {
        if (!entry.key().equals(HealthCheck.Query.KEY)) {
            acknowledgedBy.put(entry.value(), primary);
        }
    }

    @Override
    public void promoted(NodeId primary, long lastPosition, long atNanos) {
        promotions.add(new Promotion(primary, atNanos));
    }

    @Override
    public void restored(NodeId node, long basePosition, long position, long tookNanos, long atNanos) {
        restores.add(new Restore(node, basePosition, position, tookNanos, atNanos));
    }

    @Override
    public void discarded(NodeId node, NodeId primary, long entries, long atNanos) {
        this.discarded += entries;
    }
}
