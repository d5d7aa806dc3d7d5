package sdlab.sim;

/** Turns a fault plan into events of one run. */
final class FaultScheduler {

    private FaultScheduler() {}

    static void schedule(Engine engine, FaultPlan plan) {
        for (Fault fault : plan.faults()) {
            switch (fault) {
                case Fault.PartitionFault p ->
                    engine.schedule(p.atNanos(), e -> FaultActions.partition(e, p.partition(), p.lengthNanos()));
                case Fault.ClogFault c -> {
                    Endpoint from = engine.endpoint(c.from());
                    Endpoint to = engine.endpoint(c.to());
                    engine.schedule(c.atNanos(), e -> FaultActions.clog(e, from, to, c.lengthNanos()));
                }
                case Fault.CrashFault c -> {
                    NodeEndpoint node = FaultActions.node(engine, c.node());
                    engine.schedule(c.atNanos(), e -> FaultActions.crash(e, node, c.downNanos()));
                }
                case Fault.PauseFault p -> {
                    Endpoint endpoint = engine.endpoint(p.node());
                    engine.schedule(p.atNanos(), e -> FaultActions.pause(e, endpoint, p.lengthNanos()));
                }
                case Fault.SkewFault s ->
                    engine.endpoint(s.node()).setClock(new NodeClock(s.offsetNanos(), s.driftPpm()));
            }
        }
    }
}
