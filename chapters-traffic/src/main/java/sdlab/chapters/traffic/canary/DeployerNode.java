package sdlab.chapters.traffic.canary;

import java.time.Duration;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * The release engineer and the controllers acting for them: at each step of the plan it sends
 * one change to one node (an ingress rule, an endpoint list, a pod's version, a DNS record).
 */
final class DeployerNode implements Node {

    /** At {@code atNanos}, send {@code change} to {@code to}. */
    record Step(long atNanos, NodeId to, CanaryMessage change) implements Timer {}

    private final List<Step> plan;

    DeployerNode(List<Step> plan) {
        this.plan = List.copyOf(plan);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        for (Step step : plan) {
            ctx.setTimer(Duration.ofNanos(step.atNanos()), step);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        throw new IllegalStateException("the deployer does not expect " + message);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Step step) {
            ctx.send(step.to(), step.change());
        }
    }
}
