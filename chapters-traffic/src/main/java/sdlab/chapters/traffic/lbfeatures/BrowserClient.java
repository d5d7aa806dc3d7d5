package sdlab.chapters.traffic.lbfeatures;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Closed;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Connect;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Connected;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Refused;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Request;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Response;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.sim.Latency;

/**
 * A browser loading pages of a site: each page makes several requests at once. Over HTTP/1.1
 * it opens up to {@code connectionsMax} connections and sends one request at a time on each;
 * over HTTP/2 it opens one connection and multiplexes every request on it. It keeps the
 * site's session cookie and the balancer's affinity cookie, as a browser does.
 */
final class BrowserClient implements Client {

    /**
     * How a browser behaves.
     *
     * @param balancer the site's address
     * @param h2 whether it speaks HTTP/2
     * @param connectionsMax HTTP/1.1 connections at most
     * @param pageRequests requests per page
     * @param thinkTime pause between pages
     * @param endNanos no page starts after this
     */
    record Setup(NodeId balancer, boolean h2, int connectionsMax, int pageRequests, Latency thinkTime, long endNanos) {}

    record NextPage() implements Timer {}

    /** One connection: ready once connected; busy while an HTTP/1.1 request is on it; gone once closed. */
    private static final class Connection {
        final int id;
        boolean ready;
        boolean gone;
        int requests;

        Connection(int id) {
            this.id = id;
        }
    }

    private final Setup setup;
    private final LbTally tally;
    private final List<Connection> connections = new ArrayList<>();
    private final Map<Long, Connection> sentOn = new HashMap<>();
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private int connectionsOpened;
    private long requestsMade;
    private long pageStartNanos;
    private int pageOutstanding;
    private long sessionId;
    private NodeId sticky;

    BrowserClient(Setup setup, LbTally tally) {
        this.setup = setup;
        this.tally = tally;
    }

    @Override
    public void onStart(ClientContext ctx) {
        ctx.setTimer(Duration.ofNanos(setup.thinkTime().sampleNanos(ctx.random())), new NextPage());
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        throw new IllegalStateException("a browser loads pages on its own; it runs no workload operations");
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (!(timer instanceof NextPage) || ctx.nowNanos() >= setup.endNanos()) {
            return;
        }
        pageStartNanos = ctx.nowNanos();
        pageOutstanding = setup.pageRequests();
        for (int i = 0; i < setup.pageRequests(); i++) {
            waiting.add(++requestsMade);
        }
        dispatch(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case Connected connected -> {
                Connection connection = connection(connected.connection());
                if (connection != null) {
                    connection.ready = true;
                }
            }
            case Closed closed -> {
                Connection connection = connection(closed.connection());
                if (connection != null) {
                    connection.gone = true;
                }
            }
            case Refused refused -> {
                sentOn.remove(refused.requestId()).requests--;
                waiting.addFirst(refused.requestId());
            }
            case Response response -> answered(response, ctx);
            default -> throw new IllegalStateException("a browser does not expect " + message);
        }
        dispatch(ctx);
    }

    private void answered(Response response, ClientContext ctx) {
        Connection connection = sentOn.remove(response.requestId());
        connection.requests--;
        boolean hadSession = sessionId != 0;
        tally.answered(response.ok(), hadSession, response.ok() && response.sessionId() == sessionId);
        if (response.ok()) {
            sessionId = response.sessionId();
            sticky = response.backend();
        }
        if (--pageOutstanding == 0) {
            tally.pageLoaded(ctx.nowNanos() - pageStartNanos);
            ctx.setTimer(Duration.ofNanos(setup.thinkTime().sampleNanos(ctx.random())), new NextPage());
        }
    }

    /** Sends waiting requests on usable connections, and opens connections if the protocol allows more. */
    private void dispatch(ClientContext ctx) {
        connections.removeIf(c -> c.gone && c.requests == 0);
        while (!waiting.isEmpty()) {
            Connection usable = usable();
            if (usable == null) {
                break;
            }
            long requestId = waiting.poll();
            usable.requests++;
            sentOn.put(requestId, usable);
            ctx.send(setup.balancer(), new Request(usable.id, requestId, sessionId, sticky));
        }
        long opening = connections.stream().filter(c -> !c.ready && !c.gone).count();
        long live = connections.stream().filter(c -> !c.gone).count();
        long wanted = setup.h2() ? (live == 0 && !waiting.isEmpty() ? 1 : 0) : waiting.size() - opening;
        long room = (setup.h2() ? 1 : setup.connectionsMax()) - live;
        for (long i = 0; i < Math.min(wanted, room); i++) {
            Connection connection = new Connection(++connectionsOpened);
            connections.add(connection);
            tally.connectionOpened();
            ctx.send(setup.balancer(), new Connect(connection.id));
        }
    }

    private Connection usable() {
        for (Connection connection : connections) {
            if (connection.ready && !connection.gone && (setup.h2() || connection.requests == 0)) {
                return connection;
            }
        }
        return null;
    }

    /** The live connection {@code id}, or null once it is closed and forgotten (messages may arrive late). */
    private Connection connection(int id) {
        for (Connection connection : connections) {
            if (connection.id == id) {
                return connection;
            }
        }
        return null;
    }
}
