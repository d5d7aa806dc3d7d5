package sdlab.chapters.coord;

import java.util.ArrayList;
import java.util.List;
import sdlab.coord.recipes.LockObserver;
import sdlab.core.NodeId;
import sdlab.sim.SimControl;

/**
 * What the lock clients reported, stamped with virtual time: the one time line on which two
 * holds can be seen to overlap. It observes only; one per run.
 */
final class HoldLog implements LockObserver {
    /** A client believed it held the lock with {@code token} from {@code fromNanos} to {@code toNanos}. */
    record Hold(NodeId client, long token, long fromNanos, long toNanos, String end) {}

    private final List<Hold> holds = new ArrayList<>();
    private long notifications;
    private SimControl clock;

    /** Binds the run's virtual clock; called by an action at time zero. */
    void bind(SimControl control) {
        this.clock = control;
    }

    @Override
    public void acquired(NodeId client, long token) {
        holds.add(new Hold(client, token, now(), Long.MAX_VALUE, ""));
    }

    @Override
    public void holdEnded(NodeId client, String why) {
        for (int i = holds.size() - 1; i >= 0; i--) {
            Hold hold = holds.get(i);
            if (hold.client().equals(client) && hold.toNanos() == Long.MAX_VALUE) {
                holds.set(i, new Hold(client, hold.token(), hold.fromNanos(), now(), why));
                return;
            }
        }
    }

    @Override
    public void notified(NodeId client) {
        notifications++;
    }

    /** Every hold, those still open ending at {@code endNanos}. */
    List<Hold> holds(long endNanos) {
        return holds.stream()
                .map(h -> h.toNanos() == Long.MAX_VALUE
                        ? new Hold(h.client(), h.token(), h.fromNanos(), endNanos, "still held at the end")
                        : h)
                .toList();
    }

    long notifications() {
        return notifications;
    }

    /** Holds that ended, by release or by learning the lock was lost. */
    long holdsEnded() {
        return holds.stream().filter(h -> h.toNanos() != Long.MAX_VALUE).count();
    }

    private long now() {
        return clock == null ? 0 : clock.nowNanos();
    }
}
