package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Stop;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/**
 * The rolling restart a gateway runs over its backends: one at a time leaves rotation, is
 * stopped (at once, or once idle when draining, up to a timeout) and rejoins when it reports
 * ready. What "idle" means and what to do with a backend's connections when it stops without
 * draining is the gateway's business ({@link Host}).
 */
final class RollingRestart {
    /** The longest wait for a draining backend. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    /** What the gateway running the restart provides. */
    interface Host {
        /** True when nothing of the gateway's is in progress on {@code backend}. */
        boolean idle(NodeId backend);

        /** {@code backend} stops now: deal with whatever was still on it. */
        void evict(NodeId backend, NodeContext ctx);
    }

    /** The drain of {@code backend} has taken too long. */
    record DrainTimeout(NodeId backend) implements Timer {}

    private final List<NodeId> backends;
    private final List<NodeId> rotation;
    private final boolean draining;
    private final Host host;
    private int next;
    private NodeId drainingBackend;

    RollingRestart(List<NodeId> backends, boolean draining, Host host) {
        this.backends = List.copyOf(backends);
        this.rotation = new ArrayList<>(backends);
        this.draining = draining;
        this.host = host;
    }

    /** The backends that take new work now, in a fixed order. */
    List<NodeId> rotation() {
        return rotation;
    }

    void start(NodeContext ctx) {
        restartNext(ctx);
    }

    /** {@code backend} restarted and is ready: it rejoins, and the next one goes. */
    void ready(NodeId backend, NodeContext ctx) {
        List<NodeId> serving = backends.stream()
                .filter(b -> b.equals(backend) || rotation.contains(b))
                .toList();
        rotation.clear();
        rotation.addAll(serving);
        restartNext(ctx);
    }

    /** Called when work on {@code backend} ends: a draining backend that became idle stops. */
    void workEnded(NodeId backend, NodeContext ctx) {
        if (backend.equals(drainingBackend) && host.idle(backend)) {
            stop(backend, ctx);
        }
    }

    void timedOut(DrainTimeout timeout, NodeContext ctx) {
        if (timeout.backend().equals(drainingBackend)) {
            stop(timeout.backend(), ctx);
        }
    }

    private void restartNext(NodeContext ctx) {
        if (next == backends.size()) {
            return;
        }
        NodeId backend = backends.get(next++);
        rotation.remove(backend);
        drainingBackend = backend;
        if (!draining || host.idle(backend)) {
            stop(backend, ctx);
        } else {
            ctx.setTimer(DRAIN_TIMEOUT, new DrainTimeout(backend));
        }
    }

    private void stop(NodeId backend, NodeContext ctx) {
        drainingBackend = null;
        host.evict(backend, ctx);
        ctx.send(backend, new Stop());
    }
}
