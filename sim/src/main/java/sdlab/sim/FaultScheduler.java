package sdlab.sim;

/** Turns a fault plan into events of one run. */
final class FaultScheduler {

    private FaultScheduler() {}

    static void schedule(Engine engine, FaultPlan plan) {
        for (Fault fault : plan.faults()) {
            switch (fault) {
                case Fault.PartitionFault p -> partition(engine, p);
                case Fault.ClogFault c -> clog(engine, c);
                case Fault.CrashFault c -> crash(engine, c);
                case Fault.PauseFault p -> pause(engine, p);
                case Fault.SkewFault s ->
                    engine.endpoint(s.node()).setClock(new NodeClock(s.offsetNanos(), s.driftPpm()));
            }
        }
    }

    private static void partition(Engine engine, Fault.PartitionFault fault) {
        String text = fault.partition().describe();
        engine.schedule(fault.atNanos(), e -> {
            e.network().cut(fault.partition(), e.endpoints(), 1);
            e.trace().record(e.now(), TraceEvent.Kind.PARTITION, TraceRecorder.NONE, TraceRecorder.NONE, text, null);
        });
        engine.schedule(fault.atNanos() + fault.lengthNanos(), e -> {
            e.network().cut(fault.partition(), e.endpoints(), -1);
            e.trace().record(e.now(), TraceEvent.Kind.HEAL, TraceRecorder.NONE, TraceRecorder.NONE, text, null);
        });
    }

    private static void clog(Engine engine, Fault.ClogFault fault) {
        Endpoint from = engine.endpoint(fault.from());
        Endpoint to = engine.endpoint(fault.to());
        engine.schedule(fault.atNanos(), e -> {
            e.network().clog(from, to, 1);
            e.trace().record(e.now(), TraceEvent.Kind.PARTITION, from.index, to.index, null, "clog");
        });
        engine.schedule(fault.atNanos() + fault.lengthNanos(), e -> {
            e.network().clog(from, to, -1);
            e.trace().record(e.now(), TraceEvent.Kind.HEAL, from.index, to.index, null, "clog");
        });
    }

    private static void crash(Engine engine, Fault.CrashFault fault) {
        if (!(engine.endpoint(fault.node()) instanceof NodeEndpoint node)) {
            throw new IllegalArgumentException(fault.node() + " is a client; only nodes crash in the simulator");
        }
        boolean torn = engine.diskConfig().tornWrites();
        engine.schedule(fault.atNanos(), e -> node.crash(torn));
        engine.schedule(fault.atNanos() + fault.downNanos(), e -> node.restart());
    }

    private static void pause(Engine engine, Fault.PauseFault fault) {
        Endpoint endpoint = engine.endpoint(fault.node());
        engine.schedule(fault.atNanos(), e -> {
            endpoint.pause();
            e.trace().record(e.now(), TraceEvent.Kind.PAUSE, endpoint.index, TraceRecorder.NONE, null, null);
        });
        engine.schedule(fault.atNanos() + fault.lengthNanos(), e -> {
            e.trace().record(e.now(), TraceEvent.Kind.RESUME, endpoint.index, TraceRecorder.NONE, null, null);
            endpoint.resume();
        });
    }
}
