package sdlab.sim;

import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A scheduled timer. Cancelling marks it rather than removing it from the queue (removal from
 * a heap is costly); a crash makes it stale through the owner's incarnation number.
 */
final class TimerFiring implements SimEvent {
    final Endpoint owner;
    final TimerId id;
    final Timer timer;
    final long incarnation;
    boolean cancelled;

    TimerFiring(Endpoint owner, TimerId id, Timer timer, long incarnation) {
        this.owner = owner;
        this.id = id;
        this.timer = timer;
        this.incarnation = incarnation;
    }

    @Override
    public void fire(Engine engine) {
        owner.fireTimer(this);
    }
}
