package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Accepted;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Ack;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ClientHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Close;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Connect;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Reset;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.ServerHello;
import sdlab.chapters.traffic.tlsreuse.TlsMessage.Write;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.sim.Latency;
import sdlab.traffic.tls.SessionTicket;

/**
 * An IoT device: it sleeps, wakes, connects (TCP, then TLS, offering its last session ticket),
 * sends a few small writes, closes and sleeps again; its connection does not survive the sleep.
 * Over HTTP/1.1 with parallel writes it opens one connection per write; over HTTP/2, or with
 * writes one after another, a single connection carries them all. A reset connection's
 * unacknowledged writes go out again on a new connection.
 */
final class DeviceClient implements Client {

    /**
     * How a device behaves.
     *
     * @param gateway where it connects
     * @param uplink its long-haul link to the gateway
     * @param writes writes per wake
     * @param parallel whether it sends a wake's writes at once
     * @param h2 whether it speaks HTTP/2
     * @param sleep time asleep between wakes
     * @param endNanos no wake after this
     * @param addressChange chance of a new network address at each wake
     * @param resumption whether it offers its session ticket
     */
    record Setup(
            NodeId gateway,
            Uplink uplink,
            int writes,
            boolean parallel,
            boolean h2,
            Latency sleep,
            long endNanos,
            double addressChange,
            boolean resumption) {}

    record Wake() implements Timer {}

    /** One connection of the current wake: writes not yet sent, and sent but not yet acknowledged. */
    private static final class Connection {
        final ArrayDeque<Integer> toSend = new ArrayDeque<>();
        int unacknowledged;
    }

    private final Setup setup;
    private final TlsTally tally;
    private final Map<Integer, Connection> connections = new HashMap<>();
    private int connectionsOpened;
    private long address;
    private SessionTicket ticket;
    private long wokeAtNanos;
    private boolean firstAckSeen;
    private int writesLeft;

    DeviceClient(Setup setup, TlsTally tally) {
        this.setup = setup;
        this.tally = tally;
    }

    @Override
    public void onStart(ClientContext ctx) {
        sleep(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        throw new IllegalStateException("a device wakes on its own; it runs no workload operations");
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof Uplink.Transit transit) {
            Uplink.deliver(transit, ctx);
            return;
        }
        if (!(timer instanceof Wake) || ctx.nowNanos() >= setup.endNanos()) {
            return;
        }
        tally.wake();
        wokeAtNanos = ctx.nowNanos();
        firstAckSeen = false;
        writesLeft = setup.writes();
        if (ctx.random().nextDouble() < setup.addressChange()) {
            address++;
        }
        boolean onePerWrite = setup.parallel() && !setup.h2();
        int connectionsNeeded = onePerWrite ? setup.writes() : 1;
        for (int c = 0; c < connectionsNeeded; c++) {
            tally.wakeConnection();
            Connection connection = open(ctx);
            int first = onePerWrite ? c + 1 : 1;
            int last = onePerWrite ? c + 1 : setup.writes();
            for (int seq = first; seq <= last; seq++) {
                connection.toSend.add(seq);
            }
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case Accepted accepted ->
                setup.uplink()
                        .send(
                                ctx,
                                setup.gateway(),
                                new ClientHello(accepted.conn(), setup.resumption() ? ticket : null));
            case ServerHello hello -> {
                ticket = hello.ticket();
                Connection connection = connections.get(hello.conn());
                if (connection != null) {
                    send(hello.conn(), connection, ctx);
                }
            }
            case Ack ack -> acknowledged(ack, ctx);
            case Reset reset -> reopen(reset.conn(), ctx);
            default -> throw new IllegalStateException("a device does not expect " + message);
        }
    }

    private void acknowledged(Ack ack, ClientContext ctx) {
        Connection connection = connections.get(ack.conn());
        if (connection == null) {
            return;
        }
        connection.unacknowledged--;
        if (!firstAckSeen) {
            firstAckSeen = true;
            tally.reconnected(ctx.nowNanos() - wokeAtNanos);
        }
        writesLeft--;
        if (!connection.toSend.isEmpty()) {
            send(ack.conn(), connection, ctx);
        } else if (connection.unacknowledged == 0) {
            connections.remove(ack.conn());
            setup.uplink().send(ctx, setup.gateway(), new Close(ack.conn()));
        }
        if (writesLeft == 0) {
            sleep(ctx);
        }
    }

    /** Sends what the connection may send now: everything over HTTP/2 or in parallel, else the next write. */
    private void send(int conn, Connection connection, ClientContext ctx) {
        boolean all = setup.h2() || setup.parallel();
        while (!connection.toSend.isEmpty() && (all || connection.unacknowledged == 0)) {
            connection.unacknowledged++;
            setup.uplink().send(ctx, setup.gateway(), new Write(conn, connection.toSend.poll()));
        }
    }

    /** The connection was reset: its writes not yet acknowledged go out again on a new connection. */
    private void reopen(int conn, ClientContext ctx) {
        Connection lost = connections.remove(conn);
        if (lost == null) {
            return;
        }
        Connection replacement = open(ctx);
        int resend = lost.unacknowledged + lost.toSend.size();
        for (int seq = 1; seq <= resend; seq++) {
            replacement.toSend.add(seq);
        }
    }

    private Connection open(ClientContext ctx) {
        int conn = ++connectionsOpened;
        Connection connection = new Connection();
        connections.put(conn, connection);
        tally.connectionOpened();
        setup.uplink().send(ctx, setup.gateway(), new Connect(conn, address));
        return connection;
    }

    private void sleep(ClientContext ctx) {
        ctx.setTimer(Duration.ofNanos(Math.max(1, setup.sleep().sampleNanos(ctx.random()))), new Wake());
    }
}
