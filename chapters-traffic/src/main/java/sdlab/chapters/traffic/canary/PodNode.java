package sdlab.chapters.traffic.canary;

import sdlab.chapters.traffic.canary.CanaryMessage.Forward;
import sdlab.chapters.traffic.canary.CanaryMessage.PageResponse;
import sdlab.chapters.traffic.canary.CanaryMessage.SetVersion;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * A pod (or a node of a DaemonSet, or a whole blue or green environment): it serves pages with
 * the version it runs, which a rollout may change, and answers the user directly (the proxy's
 * return leg is not modelled).
 */
final class PodNode implements Node {
    private final CanaryTally tally;
    private Version version;

    PodNode(Version version, CanaryTally tally) {
        this.version = version;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Forward forward -> {
                tally.served(version, ctx.nowNanos());
                ctx.send(forward.user(), new PageResponse(forward.request().requestId(), version, forward.setPin()));
            }
            case CanaryMessage.PageRequest request -> {
                tally.served(version, ctx.nowNanos());
                ctx.send(from, new PageResponse(request.requestId(), version, CanaryMessage.Pin.NONE));
            }
            case SetVersion set -> version = set.version();
            default -> throw new IllegalStateException("a pod does not expect " + message);
        }
    }
}
