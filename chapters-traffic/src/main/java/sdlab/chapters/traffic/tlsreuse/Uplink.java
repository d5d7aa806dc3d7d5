package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.sim.Latency;

/**
 * The devices' long-haul link to the gateway (a cellular or home network and the internet).
 * The simulated network is the data centre's LAN; a message between a device and the gateway
 * is first held by its sender for the uplink's one-way latency, then handed to the LAN.
 */
record Uplink(Latency oneWay) {

    /** A message held by its sender while it crosses the uplink. */
    record Transit(NodeId to, Message message) implements Timer {}

    void send(NodeContext ctx, NodeId to, Message message) {
        long delayNanos = Math.max(1, oneWay.sampleNanos(ctx.random()));
        ctx.setTimer(Duration.ofNanos(delayNanos), new Transit(to, message));
    }

    /** Called by a node for its {@link Transit} timers: the held message now enters the LAN. */
    static void deliver(Transit transit, NodeContext ctx) {
        ctx.send(transit.to(), transit.message());
    }
}
