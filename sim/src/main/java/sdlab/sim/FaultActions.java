package sdlab.sim;

import sdlab.core.NodeId;

/**
 * Faults as actions on a running engine: each starts now and schedules its own end. The fault
 * plan and {@link SimControl} both use them, so a fault means the same thing either way.
 */
final class FaultActions {

    private FaultActions() {}

    static void partition(Engine engine, Partition partition, long lengthNanos) {
        String text = partition.describe();
        engine.network().cut(partition, engine.endpoints(), 1);
        engine.trace()
                .record(engine.now(), TraceEvent.Kind.PARTITION, TraceRecorder.NONE, TraceRecorder.NONE, text, null);
        engine.schedule(engine.now() + lengthNanos, e -> {
            e.network().cut(partition, e.endpoints(), -1);
            e.trace().record(e.now(), TraceEvent.Kind.HEAL, TraceRecorder.NONE, TraceRecorder.NONE, text, null);
        });
    }

    static void clog(Engine engine, Endpoint from, Endpoint to, long lengthNanos) {
        engine.network().clog(from, to, 1);
        engine.trace().record(engine.now(), TraceEvent.Kind.PARTITION, from.index, to.index, null, "clog");
        engine.schedule(engine.now() + lengthNanos, e -> {
            e.network().clog(from, to, -1);
            e.trace().record(e.now(), TraceEvent.Kind.HEAL, from.index, to.index, null, "clog");
        });
    }

    static void crash(Engine engine, NodeEndpoint node, long downNanos) {
        node.crash(engine.diskConfig().tornWrites());
        engine.schedule(engine.now() + downNanos, e -> node.restart());
    }

    static void pause(Engine engine, Endpoint endpoint, long lengthNanos) {
        endpoint.pause();
        engine.trace().record(engine.now(), TraceEvent.Kind.PAUSE, endpoint.index, TraceRecorder.NONE, null, null);
        engine.schedule(engine.now() + lengthNanos, e -> {
            e.trace().record(e.now(), TraceEvent.Kind.RESUME, endpoint.index, TraceRecorder.NONE, null, null);
            endpoint.resume();
        });
    }

    static NodeEndpoint node(Engine engine, NodeId id) {
        if (!(engine.endpoint(id) instanceof NodeEndpoint node)) {
            throw new IllegalArgumentException(id + " is a client; only nodes crash in the simulator");
        }
        return node;
    }
}
