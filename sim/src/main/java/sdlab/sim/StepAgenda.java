package sdlab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forks and inspections of a run ({@link Steering}), made in step order as the trace reaches each step. The engine
 * asks after every event; both happen after the handler that recorded their step, so that a handler's events are never
 * split. At one step the inspections come first: they show the state the step left, before a fork changes it.
 */
final class StepAgenda {
    private final List<Fork> pending;
    private final List<Inspection> inspections;
    private int next;
    private int nextInspection;
    private boolean lookedForTheLastTime;

    StepAgenda(Steering steering) {
        this.pending = new ArrayList<>(steering.forks());
        this.pending.sort(Comparator.comparingInt(Fork::afterTraceEvent));
        this.inspections = new ArrayList<>(steering.inspections());
        this.inspections.sort(Comparator.comparingInt(Inspection::afterTraceEvent));
    }

    /**
     * Takes the inspections, then makes the forks, whose step the trace has reached. Returns true once the last
     * inspection has been taken: the run is then over.
     */
    boolean makeDue(Engine engine, LiveNodes nodes) {
        int recorded = engine.trace().events().size();
        while (nextInspection < inspections.size()
                && inspections.get(nextInspection).afterTraceEvent() < recorded) {
            inspections.get(nextInspection++).look().accept(nodes);
        }
        if (!inspections.isEmpty() && nextInspection == inspections.size()) {
            lookedForTheLastTime = true;
            return true;
        }
        while (next < pending.size() && pending.get(next).afterTraceEvent() < recorded) {
            Fork fork = pending.get(next++);
            try {
                make(engine, fork);
            } catch (IllegalArgumentException e) {
                throw new ForkException("cannot " + fork.describe() + ": " + e.getMessage()); // e.g. an unknown node
            }
        }
        return false;
    }

    /** Fails for a fork or inspection the run ended before reaching: its step is past the run's last event. */
    void requireAllMade(Engine engine) {
        if (lookedForTheLastTime) {
            return; // the run stopped there on purpose
        }
        int steps = engine.trace().events().size();
        if (nextInspection < inspections.size()) {
            throw new ForkException("the run has " + steps + " steps, so it never reached step "
                    + (inspections.getLast().afterTraceEvent() + 1) + " to look at it");
        }
        if (next < pending.size()) {
            throw new ForkException("the run has " + steps + " steps, so it never reached "
                    + pending.get(next).describe());
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
            case Intervention.CutNetwork cut -> {
                cut.partition().nodes().forEach(engine::endpoint); // a name the run lacks would cut nothing, silently
                FaultActions.partition(engine, cut.partition(), cut.length().toNanos());
            }
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
