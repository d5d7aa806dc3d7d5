package sdlab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forks of a run, made in step order as the trace reaches each step. The engine asks after every event; a fork is
 * made after the handler that recorded its step, so that a handler's events are never split.
 */
final class Forks {
    private final List<Fork> pending;
    private int next;

    Forks(List<Fork> forks) {
        this.pending = new ArrayList<>(forks);
        this.pending.sort(Comparator.comparingInt(Fork::afterTraceEvent));
    }

    boolean isEmpty() {
        return next == pending.size();
    }

    /** Makes every fork whose step the trace has reached. */
    void makeDue(Engine engine) {
        int recorded = engine.trace().events().size();
        while (next < pending.size() && pending.get(next).afterTraceEvent() < recorded) {
            Fork fork = pending.get(next++);
            try {
                make(engine, fork);
            } catch (IllegalArgumentException e) {
                throw new ForkException("cannot " + fork.describe() + ": " + e.getMessage()); // e.g. an unknown node
            }
        }
    }

    /** The forks the run ended before reaching: their steps are past its last event. */
    void requireAllMade(Engine engine) {
        if (!isEmpty()) {
            Fork late = pending.get(next);
            throw new ForkException(
                    "the run has " + engine.trace().events().size() + " steps, so it never reached " + late.describe());
        }
    }

    private static void make(Engine engine, Fork fork) {
        engine.trace()
                .record(
                        engine.now(),
                        TraceEvent.Kind.NOTE,
                        TraceRecorder.NONE,
                        TraceRecorder.NONE,
                        "fork " + fork.describe(),
                        null);
        switch (fork.change()) {
            case Intervention.DropMessage drop ->
                engine.network().drop(inFlight(engine, fork, drop.messageId()).arrival, "dropped by a fork");
            case Intervention.DelayMessage delay -> {
                InFlight message = inFlight(engine, fork, delay.messageId());
                engine.schedule(message.dueNanos + delay.by().toNanos(), message.arrival);
            }
            case Intervention.DeliverMessageNow now ->
                engine.schedule(engine.now(), inFlight(engine, fork, now.messageId()).arrival);
            case Intervention.CrashNode crash ->
                FaultActions.crash(
                        engine,
                        FaultActions.node(engine, crash.node()),
                        crash.downFor().toNanos());
            case Intervention.PauseNode pause ->
                FaultActions.pause(
                        engine, engine.endpoint(pause.node()), pause.length().toNanos());
            case Intervention.CutNetwork cut ->
                FaultActions.partition(engine, cut.partition(), cut.length().toNanos());
        }
    }

    private record InFlight(long dueNanos, MessageArrival arrival) {}

    private static InFlight inFlight(Engine engine, Fork fork, long messageId) {
        EventQueue.Due due = engine.removeMatching(
                event -> event instanceof MessageArrival arrival && arrival.messageId == messageId);
        if (due == null) {
            throw new ForkException("message #" + messageId + " is not in flight after step "
                    + (fork.afterTraceEvent() + 1) + " (not sent yet, or already delivered or dropped), so cannot "
                    + fork.change().describe());
        }
        return new InFlight(due.timeNanos(), (MessageArrival) due.event());
    }
}
