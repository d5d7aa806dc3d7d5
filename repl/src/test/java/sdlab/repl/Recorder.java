package sdlab.repl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;

/** What the store reported in one run: commits by value, semi-sync switches, promotions, shipments, snapshots. */
final class Recorder implements ReplObserver {
    /** One commit acknowledged to its client. */
    record Commit(NodeId primary, Entry entry, CommitAck ack, long atNanos) {}

    final Map<String, Commit> commitsByValue = new HashMap<>();
    final List<String> switches = new ArrayList<>();
    final List<String> promotions = new ArrayList<>();
    final List<Shipped> shipments = new ArrayList<>();
    final List<SnapshotLoaded> snapshotsLoaded = new ArrayList<>();

    /** A joiner loaded a snapshot; {@code tookNanos} runs from its first request, over every attempt. */
    record SnapshotLoaded(NodeId replica, long position, long tookNanos, long atNanos) {}

    @Override
    public void snapshotLoaded(NodeId replica, long position, long bytes, long tookNanos, long atNanos) {
        snapshotsLoaded.add(new SnapshotLoaded(replica, position, tookNanos, atNanos));
    }

    /** One shipment of log entries from a primary to a replica. */
    record Shipped(NodeId primary, NodeId replica, long firstPosition, long lastPosition, long bytes, long atNanos) {}

    @Override
    public void shipped(
            NodeId primary, NodeId replica, long firstPosition, long lastPosition, long bytes, long atNanos) {
        shipments.add(new Shipped(primary, replica, firstPosition, lastPosition, bytes, atNanos));
    }

    @Override
    public void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {
        commitsByValue.put(entry.value(), new Commit(primary, entry, ack, atNanos));
    }

    @Override
    public void semiSyncSwitched(NodeId primary, boolean on, long atNanos) {
        switches.add((on ? "on@" : "off@") + atNanos / 1_000_000);
    }

    @Override
    public void promoted(NodeId primary, long lastPosition, long atNanos) {
        promotions.add(primary + "@" + lastPosition);
    }
}
