package sdlab.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Node;
import sdlab.core.NodeId;

/** {@link SimControl} over a running engine. */
final class EngineControl implements SimControl {

    private final Engine engine;

    EngineControl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long nowNanos() {
        return engine.now();
    }

    @Override
    public Optional<Node> node(NodeId id) {
        return engine.endpoint(id) instanceof NodeEndpoint node ? Optional.ofNullable(node.node()) : Optional.empty();
    }

    @Override
    public void crash(NodeId id, Duration downFor) {
        FaultActions.crash(engine, FaultActions.node(engine, id), positive(downFor));
    }

    @Override
    public void pause(NodeId id, Duration length) {
        FaultActions.pause(engine, engine.endpoint(id), positive(length));
    }

    @Override
    public void partition(Partition partition, Duration length) {
        Objects.requireNonNull(partition, "partition");
        FaultActions.partition(engine, partition, positive(length));
    }

    @Override
    public void clog(NodeId from, NodeId to, Duration length) {
        FaultActions.clog(engine, engine.endpoint(from), engine.endpoint(to), positive(length));
    }

    @Override
    public void note(String text) {
        engine.trace().record(engine.now(), TraceEvent.Kind.NOTE, TraceRecorder.NONE, TraceRecorder.NONE, text, null);
    }

    private static long positive(Duration length) {
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a fault needs a positive length, got " + length);
        }
        return length.toNanos();
    }
}
