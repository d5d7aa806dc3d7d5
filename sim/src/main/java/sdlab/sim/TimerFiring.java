package sdlab.sim;

import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A scheduled timer. Cancelling takes it out of the event queue and marks it, the mark for
 * the case where it already fired into a paused endpoint's waiting events.
 */
final class TimerFiring extends EventQueue.Removable {
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
