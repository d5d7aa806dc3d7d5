package sdlab.sim;

import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** A server node: made by its factory, crashed and restarted by the fault plan. */
final class NodeEndpoint extends Endpoint {

    private final NodeFactory factory;
    private Node node;
    private boolean started;

    NodeEndpoint(Engine engine, NodeId id, int index, long seed, NodeFactory factory) {
        super(engine, id, index, seed);
        this.factory = factory;
    }

    @Override
    boolean up() {
        return node != null;
    }

    /** The live node object, or null while crashed. */
    Node node() {
        return node;
    }

    @Override
    void handleStart() {
        boolean restarted = started;
        started = true;
        node = factory.create(id);
        if (node == null) {
            throw new IllegalStateException("the factory of " + id + " returned null");
        }
        node.onStart(this, restarted);
    }

    @Override
    void handleMessage(NodeId from, Message message) {
        node.onMessage(from, message, this);
    }

    @Override
    void handleTimer(TimerId timerId, Timer timer) {
        node.onTimer(timerId, timer, this);
    }

    @Override
    void handleSynced(long syncId) {
        node.onSynced(syncId, this);
    }

    /** Throws the node object away; a crash of a node that is down does nothing. */
    void crash(boolean tornWrites) {
        if (node == null) {
            return;
        }
        node = null;
        engine.counters().crashes++;
        String diskLoss = forgetVolatileState(tornWrites);
        engine.trace().record(engine.now(), TraceEvent.Kind.CRASH, index, TraceRecorder.NONE, null, null);
        if (diskLoss != null) {
            engine.trace().record(engine.now(), TraceEvent.Kind.DISK_LOST, index, TraceRecorder.NONE, diskLoss, null);
        }
    }

    /** Makes a fresh node object and calls {@code onStart(ctx, true)}; a node that is up stays as it is. */
    void restart() {
        if (node != null) {
            return;
        }
        engine.trace().record(engine.now(), TraceEvent.Kind.RESTART, index, TraceRecorder.NONE, null, null);
        handleStart();
    }
}
