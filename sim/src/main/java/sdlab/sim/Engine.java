package sdlab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/**
 * The world of one run: virtual time, the event queue, the endpoints, the network, the trace
 * and the history. One thread; {@link #run} takes events in (time, sequence) order until the
 * workload is done, the time is up or nothing is left to do.
 */
final class Engine {

    /** The queue may hold at most this many events: a run that outgrows it is runaway. */
    private static final int QUEUE_SIZE_MAX = 50_000_000;

    private final SimSpec spec;
    private final EventQueue queue = new EventQueue();
    private final Counters counters = new Counters();
    private final List<Op> history = new ArrayList<>();
    private final Endpoint[] endpoints;
    private final Map<NodeId, Endpoint> byId = new HashMap<>();
    private final TraceRecorder trace;
    private final Network network;
    private final Invariant[] invariants;
    private final LiveNodes liveNodes;
    private final StepAgenda steps;
    private WorkloadDriver workload;
    private long now;

    Engine(SimSpec spec) {
        this.spec = spec;
        List<Endpoint> all = new ArrayList<>();
        spec.nodes().forEach((id, factory) -> all.add(new NodeEndpoint(this, id, all.size(), spec.seed(), factory)));
        spec.clients().forEach((id, client) -> all.add(new ClientEndpoint(this, id, all.size(), spec.seed(), client)));
        this.endpoints = all.toArray(Endpoint[]::new);
        NodeId[] ids = new NodeId[endpoints.length];
        for (Endpoint endpoint : endpoints) {
            byId.put(endpoint.id, endpoint);
            ids[endpoint.index] = endpoint.id;
        }
        this.trace = new TraceRecorder(spec.recordTrace(), spec.hashTrace(), ids);
        this.network = new Network(this, spec.network(), endpoints.length);
        this.invariants = spec.invariants().toArray(Invariant[]::new);
        this.liveNodes = new EngineLiveNodes(this, List.copyOf(spec.nodes().keySet()));
        this.steps = spec.steering().isEmpty() ? null : new StepAgenda(spec.steering());
    }

    /** Schedules the starts, the faults and the workload, then runs until {@code endNanos} at most. */
    SimResult run(long endNanos) {
        for (Endpoint endpoint : endpoints) {
            schedule(0, e -> endpoint.start());
        }
        FaultScheduler.schedule(this, spec.faults());
        SimControl control = new EngineControl(this);
        for (ScheduledAction action : spec.actions()) {
            action.schedule(this, control);
        }
        if (spec.workload() != null) {
            workload = WorkloadDriver.create(this, spec.workload());
            workload.start();
        }
        loop(endNanos);
        if (steps != null) {
            steps.requireAllMade(this);
        }
        return new SimResult(spec.seed(), History.of(history), trace.events(), trace.hash(), counters.snapshot(), now);
    }

    private void loop(long endNanos) {
        long eventLimit = spec.eventLimit();
        while (!queue.isEmpty()) {
            long time = queue.peekTime();
            if (time > endNanos) {
                now = endNanos;
                return;
            }
            now = time;
            SimEvent event = queue.poll();
            if (++counters.eventsProcessed > eventLimit) {
                throw new SimulationLimitException(
                        spec.seed(), now, "it exceeded its event limit of " + eventLimit + " events");
            }
            fire(event);
            if (steps != null && steps.makeDue(this, liveNodes)) {
                return; // inspected for the last time: the run was for looking at
            }
            if (invariants.length > 0) {
                checkInvariants();
            }
            if (workload != null && workload.done()) {
                return;
            }
        }
    }

    private void fire(SimEvent event) {
        try {
            event.fire(this);
        } catch (SimulationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SimulationException(spec.seed(), now, "a node, client or generator threw " + e, e);
        } catch (AssertionError e) {
            // Keep it an assertion failure, but say which seed replays it.
            throw new AssertionError(
                    new SimulationException(spec.seed(), now, "an assertion failed: " + e, e).getMessage(), e);
        }
    }

    private void checkInvariants() {
        for (Invariant invariant : invariants) {
            try {
                invariant.check().accept(liveNodes);
            } catch (RuntimeException | AssertionError broken) {
                throw new InvariantViolation(spec.seed(), now, invariant.name(), counters.eventsProcessed, broken);
            }
        }
    }

    void schedule(long atNanos, SimEvent event) {
        assert atNanos >= now : "an event cannot be scheduled in the past";
        if (queue.size() >= QUEUE_SIZE_MAX) {
            throw new SimulationLimitException(
                    spec.seed(), now, "its event queue outgrew " + QUEUE_SIZE_MAX + " events");
        }
        queue.add(atNanos, event);
    }

    /** Takes the waiting event {@code wanted} accepts out of the queue, with its due time; null if none. */
    EventQueue.Due removeMatching(java.util.function.Predicate<SimEvent> wanted) {
        return queue.removeMatching(wanted);
    }

    /** Takes an event that is no longer wanted out of the queue, if it is still there. */
    void unschedule(EventQueue.Removable event) {
        queue.remove(event);
    }

    long now() {
        return now;
    }

    long seed() {
        return spec.seed();
    }

    Counters counters() {
        return counters;
    }

    TraceRecorder trace() {
        return trace;
    }

    Network network() {
        return network;
    }

    DiskConfig diskConfig() {
        return spec.disk();
    }

    Endpoint[] endpoints() {
        return endpoints;
    }

    /** The endpoint named {@code id}; a name the simulation does not know is a programming error. */
    Endpoint endpoint(NodeId id) {
        Endpoint endpoint = byId.get(id);
        if (endpoint == null) {
            throw new IllegalArgumentException(id + " is not a node or client of this simulation");
        }
        return endpoint;
    }

    Endpoint endpointOrNull(NodeId id) {
        return byId.get(id);
    }

    void recordHistory(Op op) {
        history.add(op);
    }

    void workloadCompleted(int process) {
        if (workload != null && process >= 0) {
            workload.completed(process);
        }
    }
}
