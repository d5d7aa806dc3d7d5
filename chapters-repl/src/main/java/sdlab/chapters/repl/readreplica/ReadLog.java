package sdlab.chapters.repl.readreplica;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.repl.Entry;
import sdlab.repl.ReadRouteObserver;
import sdlab.repl.ReplObserver;

/**
 * What the store and the balancing clients reported during one run of chapter 8: every read's route, every cache
 * look-up and applied entry per node, the snapshot, and any change of leader. One per run; a run is single-threaded.
 */
final class ReadLog implements ReplObserver, ReadRouteObserver {
    /** One completed read, as its client saw it. */
    record RoutedRead(
            NodeId client,
            NodeId firstTarget,
            NodeId servedBy,
            long invokedNanos,
            long completedNanos,
            boolean fellBack) {
        long nanos() {
            return completedNanos - invokedNanos;
        }
    }

    /** One cache look-up by a read, or one applied entry. */
    record PageEvent(NodeId node, boolean hit, long atNanos) {}

    final List<RoutedRead> reads = new ArrayList<>();
    final List<PageEvent> lookUps = new ArrayList<>();
    final List<PageEvent> applies = new ArrayList<>();
    long snapshotLoadedAtNanos = -1;
    long snapshotNanos;
    long snapshotBytes;
    long leaderChanges;

    @Override
    public void read(
            NodeId client,
            NodeId firstTarget,
            NodeId servedBy,
            long invokedNanos,
            long completedNanos,
            boolean fellBack) {
        reads.add(new RoutedRead(client, firstTarget, servedBy, invokedNanos, completedNanos, fellBack));
    }

    @Override
    public void pageLookedUp(NodeId node, boolean hit, long atNanos) {
        lookUps.add(new PageEvent(node, hit, atNanos));
    }

    @Override
    public void applied(NodeId replica, Entry entry, boolean missed, long atNanos) {
        applies.add(new PageEvent(replica, !missed, atNanos));
    }

    @Override
    public void snapshotLoaded(NodeId replica, long position, long bytes, long tookNanos, long atNanos) {
        snapshotLoadedAtNanos = atNanos;
        snapshotNanos = tookNanos;
        snapshotBytes = bytes;
    }

    @Override
    public void promoted(NodeId primary, long lastPosition, long atNanos) {
        leaderChanges++;
    }

    @Override
    public void steppedDown(NodeId node, String reason, long atNanos) {
        leaderChanges++;
    }
}
