package sdlab.chapters.traffic.lbfeatures;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Done;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Proxied;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Ready;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Stop;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.sim.Latency;

/**
 * A backend that keeps users' sessions in its own memory, as many web apps do: a request
 * whose session it does not hold finds the user logged out, and a new session starts here. A
 * stop for a deploy throws away its sessions and the requests it was working on; it comes back
 * after the restart time and says so to the balancer.
 */
final class BackendNode implements Node {
    /** Session ids a backend mints are unique across backends: its number times this, plus a counter. */
    private static final long SESSIONS_PER_BACKEND = 1_000_000_000L;

    /** The number of the backend that minted {@code sessionId} (1-based), or 0 for no session. */
    static int homeOf(long sessionId) {
        return (int) (sessionId / SESSIONS_PER_BACKEND);
    }

    private record Finish(Proxied request, long sessionId, boolean found, long life) implements Timer {}

    private record Restarted() implements Timer {}

    private final int number;
    private final NodeId balancer;
    private final Latency serviceTime;
    private final long restartNanos;
    private final LbTally tally;
    private final Set<Long> sessions = new HashSet<>();
    private long sessionsMinted;
    private long life;
    private boolean up = true;

    BackendNode(int number, NodeId balancer, Latency serviceTime, long restartNanos, LbTally tally) {
        this.number = number;
        this.balancer = balancer;
        this.serviceTime = serviceTime;
        this.restartNanos = restartNanos;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Proxied request -> serve(request, ctx);
            case Stop stop -> {
                up = false;
                life++;
                sessions.clear();
                ctx.setTimer(Duration.ofNanos(restartNanos), new Restarted());
            }
            default -> throw new IllegalStateException("a backend does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Finish finish -> {
                if (finish.life() == life) {
                    tally.served(number);
                    ctx.send(
                            balancer,
                            new Done(
                                    finish.request().client(),
                                    finish.request().requestId(),
                                    finish.sessionId(),
                                    finish.found()));
                }
            }
            case Restarted restarted -> {
                up = true;
                ctx.send(balancer, new Ready());
            }
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    private void serve(Proxied request, NodeContext ctx) {
        if (!up) {
            // Sent before the stop and overtaken by it on the network: the balancer has already
            // answered it as lost when it stopped this backend without draining.
            return;
        }
        long sessionId = request.sessionId();
        boolean found = sessions.contains(sessionId);
        if (!found) {
            sessionId = number * SESSIONS_PER_BACKEND + ++sessionsMinted;
            sessions.add(sessionId);
        }
        Finish finish = new Finish(request, sessionId, found, life);
        ctx.setTimer(Duration.ofNanos(Math.max(1, serviceTime.sampleNanos(ctx.random()))), finish);
    }
}
