package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Accepted;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Close;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Connect;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ready;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Reset;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Tunnel;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A pass-through (layer 4) balancer: it picks a backend when a device connects and carries
 * the connection's messages to and from it unread, so TLS ends at the backend. It cannot see
 * cookies inside TLS; its affinity sends a device back to its last backend only while the
 * device keeps its network address. It also runs the backends' rolling restart: a backend
 * stopped without draining takes its device connections with it (reset).
 */
final class PassThroughBalancer implements Node, RollingRestart.Host {

    private record ConnectionKey(NodeId device, int conn) {}

    private record Last(long address, NodeId backend) {}

    private final RollingRestart restart;
    private final Uplink uplink;
    private final boolean affinity;
    private final long deployAtNanos;
    private final TlsTally tally;
    private final LinkedHashMap<ConnectionKey, NodeId> bindings = new LinkedHashMap<>();
    private final Map<NodeId, Last> lastBackend = new HashMap<>();
    private long turns;

    PassThroughBalancer(
            List<NodeId> backends,
            boolean draining,
            boolean affinity,
            long deployAtNanos,
            Uplink uplink,
            TlsTally tally) {
        this.restart = new RollingRestart(backends, draining, this);
        this.uplink = uplink;
        this.affinity = affinity;
        this.deployAtNanos = deployAtNanos;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(deployAtNanos), new DeployStart());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Connect connect -> {
                bindings.put(new ConnectionKey(from, connect.conn()), choose(from, connect.address()));
                uplink.send(ctx, from, new Accepted(connect.conn()));
            }
            case Tunnel tunnel -> uplink.send(ctx, tunnel.device(), tunnel.inner());
            case Ready ready -> restart.ready(from, ctx);
            case TlsMessage inner -> fromDevice(from, inner, ctx);
            default -> throw new IllegalStateException("the balancer does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Uplink.Transit transit -> Uplink.deliver(transit, ctx);
            case DeployStart start -> restart.start(ctx);
            case RollingRestart.DrainTimeout timeout -> restart.timedOut(timeout, ctx);
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    @Override
    public boolean idle(NodeId backend) {
        return !bindings.containsValue(backend);
    }

    @Override
    public void evict(NodeId backend, NodeContext ctx) {
        var entries = bindings.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (entry.getValue().equals(backend)) {
                tally.reset();
                uplink.send(
                        ctx, entry.getKey().device(), new Reset(entry.getKey().conn()));
                entries.remove();
            }
        }
    }

    private void fromDevice(NodeId device, TlsMessage message, NodeContext ctx) {
        int conn =
                switch (message) {
                    case TlsMessage.ClientHello hello -> hello.conn();
                    case TlsMessage.Write write -> write.conn();
                    case Close close -> close.conn();
                    default -> throw new IllegalStateException("a device does not send " + message);
                };
        ConnectionKey key = new ConnectionKey(device, conn);
        NodeId backend = message instanceof Close ? bindings.remove(key) : bindings.get(key);
        if (backend == null) {
            // The connection was reset while this message was on its way; the device has been told.
            return;
        }
        ctx.send(backend, new Tunnel(device, message));
        if (message instanceof Close) {
            restart.workEnded(backend, ctx);
        }
    }

    private NodeId choose(NodeId device, long address) {
        List<NodeId> rotation = restart.rotation();
        Last last = lastBackend.get(device);
        NodeId backend = affinity && last != null && last.address() == address && rotation.contains(last.backend())
                ? last.backend()
                : rotation.get((int) (turns++ % rotation.size()));
        lastBackend.put(device, new Last(address, backend));
        return backend;
    }
}
