package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Accepted;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ack;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ClientHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Close;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Connect;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ready;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ServerHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.UpstreamAck;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.UpstreamHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.UpstreamReady;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.UpstreamWrite;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Write;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.traffic.tls.HandshakeCpu;
import sdlab.traffic.tls.SessionTicket;
import sdlab.traffic.tls.TlsServerSessions;

/**
 * A gateway that ends the devices' TLS itself and forwards their writes to the backends over
 * long-lived upstream connections, one per backend, opened when first needed and reused for
 * every device after that (sdlab's real gateway keeps such a pool, {@code
 * sdlab.traffic.gateway.ConnectionPool}). A device's handshake costs the gateway's CPU and can
 * be resumed with the gateway's own ticket key ({@link TlsServerSessions} decides); a backend handshakes only when its upstream
 * connection opens. A backend that stops without draining loses the writes it was handling, and
 * the gateway sends them again to another backend: the device never notices.
 *
 * <p>With {@code reuseUpstream} false (a planted bug for tests) every write opens a fresh
 * upstream connection.
 */
final class TerminatingGateway implements Node, RollingRestart.Host {

    /**
     * How the gateway is set up.
     *
     * @param backends the backends
     * @param draining whether a restarting backend's writes in flight are waited for
     * @param sessions the gateway's resumption of devices' sessions, under its own ticket keys
     * @param handshakeCpu CPU of a full and of a resumed handshake
     * @param deployAtNanos when the backends' rolling restart starts
     * @param uplink the devices' long-haul link
     * @param reuseUpstream whether upstream connections are kept and reused
     */
    record Setup(
            List<NodeId> backends,
            boolean draining,
            TlsServerSessions sessions,
            HandshakeCpu handshakeCpu,
            long deployAtNanos,
            Uplink uplink,
            boolean reuseUpstream) {}

    private record Reply(NodeId device, Message message) implements Timer {}

    private record Pending(NodeId device, int conn, int seq) {}

    /** The upstream connection to one backend. */
    private static final class Upstream {
        boolean open;
        boolean opening;
        SessionTicket ticket;
        final ArrayDeque<Long> waiting = new ArrayDeque<>();
        final LinkedHashMap<Long, Pending> inFlight = new LinkedHashMap<>();
    }

    private final Setup setup;
    private final TlsTally tally;
    private final RollingRestart restart;
    private final Cpu cpu = new Cpu();
    private final Map<NodeId, Upstream> upstreams = new HashMap<>();
    private final Map<Long, Pending> writes = new HashMap<>();
    private long writeIds;
    private long turns;

    TerminatingGateway(Setup setup, TlsTally tally) {
        this.setup = setup;
        this.tally = tally;
        this.restart = new RollingRestart(setup.backends(), setup.draining(), this);
        for (NodeId backend : setup.backends()) {
            upstreams.put(backend, new Upstream());
        }
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(setup.deployAtNanos()), new DeployStart());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Connect connect -> setup.uplink().send(ctx, from, new Accepted(connect.conn()));
            case ClientHello hello -> handshake(from, hello, ctx);
            case Write write -> {
                long id = ++writeIds;
                writes.put(id, new Pending(from, write.conn(), write.seq()));
                dispatch(id, ctx);
            }
            case Close close -> {}
            case UpstreamReady ready -> opened(from, ready, ctx);
            case UpstreamAck ack -> acknowledged(from, ack, ctx);
            case Ready ready -> {
                upstreams.put(from, new Upstream());
                restart.ready(from, ctx);
            }
            default -> throw new IllegalStateException("the gateway does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Reply reply -> setup.uplink().send(ctx, reply.device(), reply.message());
            case Uplink.Transit transit -> Uplink.deliver(transit, ctx);
            case DeployStart start -> restart.start(ctx);
            case RollingRestart.DrainTimeout timeout -> restart.timedOut(timeout, ctx);
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    @Override
    public boolean idle(NodeId backend) {
        Upstream upstream = upstreams.get(backend);
        return upstream.inFlight.isEmpty() && upstream.waiting.isEmpty();
    }

    @Override
    public void evict(NodeId backend, NodeContext ctx) {
        Upstream gone = upstreams.put(backend, new Upstream());
        for (long id : gone.inFlight.keySet()) {
            tally.upstreamRetry();
            dispatch(id, ctx);
        }
        for (long id : gone.waiting) {
            dispatch(id, ctx);
        }
    }

    private void handshake(NodeId device, ClientHello hello, NodeContext ctx) {
        long now = ctx.nowNanos();
        TlsServerSessions.Handshake done = setup.sessions().handshake(hello.ticket(), now);
        long cost = setup.handshakeCpu().nanosFor(done.decision());
        tally.handshake(TlsTally.Tier.GATEWAY, done.resumed(), cost, true);
        ServerHello answer = new ServerHello(hello.conn(), done.resumed(), done.newTicket());
        ctx.setTimer(Duration.ofNanos(Math.max(1, cpu.run(now, cost))), new Reply(device, answer));
    }

    /** Sends write {@code id} to the next backend in rotation, opening its upstream connection if needed. */
    private void dispatch(long id, NodeContext ctx) {
        List<NodeId> rotation = restart.rotation();
        NodeId backend = rotation.get((int) (turns++ % rotation.size()));
        Upstream upstream = upstreams.get(backend);
        if (!setup.reuseUpstream()) {
            upstream.open = false;
        }
        if (upstream.open) {
            upstream.inFlight.put(id, writes.get(id));
            ctx.send(backend, new UpstreamWrite(id));
            return;
        }
        upstream.waiting.add(id);
        if (!upstream.opening) {
            upstream.opening = true;
            ctx.send(backend, new UpstreamHello(upstream.ticket));
        }
    }

    private void opened(NodeId backend, UpstreamReady ready, NodeContext ctx) {
        Upstream upstream = upstreams.get(backend);
        upstream.opening = false;
        upstream.open = true;
        upstream.ticket = ready.ticket();
        while (!upstream.waiting.isEmpty()) {
            long id = upstream.waiting.poll();
            upstream.inFlight.put(id, writes.get(id));
            ctx.send(backend, new UpstreamWrite(id));
        }
    }

    private void acknowledged(NodeId backend, UpstreamAck ack, NodeContext ctx) {
        Pending pending = upstreams.get(backend).inFlight.remove(ack.id());
        if (pending == null) {
            return;
        }
        writes.remove(ack.id());
        setup.uplink().send(ctx, pending.device(), new Ack(pending.conn(), pending.seq()));
        restart.workEnded(backend, ctx);
    }
}
