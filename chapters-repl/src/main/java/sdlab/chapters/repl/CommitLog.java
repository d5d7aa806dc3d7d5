package sdlab.chapters.repl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.repl.Entry;
import sdlab.repl.ReplObserver;

/**
 * What the store reported during one run: how each commit was acknowledged (by value, which is unique per write),
 * semi-sync's switches, round trips and relay-log syncs, and the promotion. One per run; a run is single-threaded.
 */
final class CommitLog implements ReplObserver {
    final Map<String, CommitAck> ackByValue = new HashMap<>();
    final List<Long> roundTripNanos = new ArrayList<>();
    final List<Long> relaySyncNanos = new ArrayList<>();
    long switchesOff;
    long switchesOn;
    String promotion = "no promotion";

    @Override
    public void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {
        ackByValue.put(entry.value(), ack);
    }

    @Override
    public void semiSyncSwitched(NodeId primary, boolean on, long atNanos) {
        if (on) {
            switchesOn++;
        } else {
            switchesOff++;
        }
    }

    @Override
    public void roundTrip(NodeId primary, NodeId replica, long nanos) {
        roundTripNanos.add(nanos);
    }

    @Override
    public void relaySynced(NodeId replica, long nanos) {
        relaySyncNanos.add(nanos);
    }

    @Override
    public void promoted(NodeId primary, long lastPosition, long atNanos) {
        promotion = "%s promoted at %.3f s holding position %d".formatted(primary, atNanos / 1e9, lastPosition);
    }
}
