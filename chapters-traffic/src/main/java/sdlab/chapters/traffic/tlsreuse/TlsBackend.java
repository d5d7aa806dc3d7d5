package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ack;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ClientHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Close;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ready;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ServerHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Stop;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Tunnel;
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
import sdlab.traffic.tls.ResumptionDecision;
import sdlab.traffic.tls.TlsServerSessions;

/**
 * A backend that ends TLS itself: for devices' connections tunnelled to it by a pass-through
 * balancer, and for a terminating gateway's upstream connections. Every handshake and write
 * takes its CPU time on the backend's one core; whether a handshake resumes is {@link
 * TlsServerSessions}'s decision. A stop for a restart loses its ticket keys held in memory (a
 * fleet's shared key file survives) and drops its work in progress; it is ready again after the restart time.
 */
final class TlsBackend implements Node {

    /**
     * Costs, in nanoseconds of CPU.
     *
     * @param handshake a full and a resumed handshake
     * @param writeNanos one small write
     */
    record Costs(HandshakeCpu handshake, long writeNanos) {}

    /** A reply to send to the gateway when the CPU has done the work, unless the backend restarted meanwhile. */
    private record Reply(Message message, long life) implements Timer {}

    private record Restarted() implements Timer {}

    private final NodeId gateway;
    private final TlsServerSessions sessions;
    private final Costs costs;
    private final long restartNanos;
    private final TlsTally tally;
    private final Cpu cpu = new Cpu();
    private long life;

    TlsBackend(NodeId gateway, TlsServerSessions sessions, Costs costs, long restartNanos, TlsTally tally) {
        this.gateway = gateway;
        this.sessions = sessions;
        this.costs = costs;
        this.restartNanos = restartNanos;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Tunnel tunnel -> tunnelled(tunnel, ctx);
            case UpstreamHello hello -> {
                TlsServerSessions.Handshake done = sessions.handshake(hello.ticket(), ctx.nowNanos());
                long cost = charge(done.decision(), false);
                reply(new UpstreamReady(done.resumed(), done.newTicket()), cost, ctx);
            }
            case UpstreamWrite write -> reply(new UpstreamAck(write.id()), costs.writeNanos(), ctx);
            case Stop stop -> {
                life++;
                sessions.restarted(ctx.nowNanos());
                ctx.setTimer(Duration.ofNanos(restartNanos), new Restarted());
            }
            default -> throw new IllegalStateException("a backend does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Reply reply -> {
                if (reply.life() == life) {
                    ctx.send(gateway, reply.message());
                }
            }
            case Restarted restarted -> ctx.send(gateway, new Ready());
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    private void tunnelled(Tunnel tunnel, NodeContext ctx) {
        switch (tunnel.inner()) {
            case ClientHello hello -> {
                TlsServerSessions.Handshake done = sessions.handshake(hello.ticket(), ctx.nowNanos());
                long cost = charge(done.decision(), true);
                ServerHello answer = new ServerHello(hello.conn(), done.resumed(), done.newTicket());
                reply(new Tunnel(tunnel.device(), answer), cost, ctx);
            }
            case Write write ->
                reply(new Tunnel(tunnel.device(), new Ack(write.conn(), write.seq())), costs.writeNanos(), ctx);
            case Close close -> {}
            default -> throw new IllegalStateException("a backend does not expect " + tunnel.inner());
        }
    }

    /** Counts a handshake that went as {@code decision} says and returns its CPU cost. */
    private long charge(ResumptionDecision decision, boolean withDevice) {
        long cost = costs.handshake().nanosFor(decision);
        tally.handshake(TlsTally.Tier.BACKEND, decision.resumed(), cost, withDevice);
        return cost;
    }

    private void reply(Message message, long costNanos, NodeContext ctx) {
        long waitNanos = cpu.run(ctx.nowNanos(), costNanos);
        ctx.setTimer(Duration.ofNanos(Math.max(1, waitNanos)), new Reply(message, life));
    }
}
