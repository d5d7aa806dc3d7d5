package sdlab.chapters.traffic.placement;

import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.sim.Latency;

/**
 * The long-haul legs of the path. The simulated network is the data centre's LAN; a message
 * that crosses the wide area (bidder to POP, POP to data centre) is first held by its sender
 * for the leg's one-way latency, as if it were still on the wire, and then handed to the LAN.
 *
 * @param clients the bidders
 * @param pops the CDN points of presence
 * @param clientPop one-way latency between a bidder and a POP
 * @param popDc one-way latency between a POP and anything in the data centre
 */
record Wan(Set<NodeId> clients, Set<NodeId> pops, Latency clientPop, Latency popDc) {

    /** A message held by its sender while it crosses a long-haul leg. */
    record Transit(NodeId to, Message message) implements Timer {}

    Wan {
        clients = Set.copyOf(clients);
        pops = Set.copyOf(pops);
    }

    /**
     * Sends {@code message} from this node to {@code to} after {@code holdNanos} of local work
     * (a limiter check, say) plus the long-haul latency between them, if any.
     */
    void send(NodeContext ctx, NodeId to, Message message, long holdNanos) {
        long delayNanos = holdNanos + wideAreaNanos(ctx.self(), to, ctx.random());
        if (delayNanos == 0) {
            ctx.send(to, message);
        } else {
            ctx.setTimer(Duration.ofNanos(delayNanos), new Transit(to, message));
        }
    }

    /** Called by a node for its {@link Transit} timers: the held message now enters the LAN. */
    static void deliver(Transit transit, NodeContext ctx) {
        ctx.send(transit.to(), transit.message());
    }

    private long wideAreaNanos(NodeId from, NodeId to, RandomGenerator random) {
        boolean fromPop = pops.contains(from);
        boolean toPop = pops.contains(to);
        if (fromPop == toPop) {
            return 0;
        }
        NodeId other = fromPop ? to : from;
        return (clients.contains(other) ? clientPop : popDc).sampleNanos(random);
    }
}
