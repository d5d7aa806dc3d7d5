package sdlab.chapters.traffic.canary;

import java.time.Duration;
import java.util.List;
import sdlab.chapters.traffic.canary.CanaryMessage.Endpoints;
import sdlab.chapters.traffic.canary.CanaryMessage.Forward;
import sdlab.chapters.traffic.canary.CanaryMessage.HeaderRule;
import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.traffic.routing.CanarySelector;

/**
 * The ingress in front of the pods. Without a canary pool it is a plain service: each request
 * goes to a pod drawn at random from its endpoints, whatever version that pod runs. With a
 * canary pool (the header strategy) it asks the shared {@link
 * sdlab.traffic.routing.CanarySelector}, the one sdlab's gateway asks, for a track (through its
 * {@link CanaryRouter}, with its own seeded generator), sends the request to a pod of that
 * version, and sets the pin cookie the selector asks for. Changes (the header rule, the endpoint list) take a random part of
 * {@code configDelayMaxNanos} to apply, as a controller's reload or endpoint propagation does.
 */
final class IngressNode implements Node {

    /** A change received, applied when this timer fires. */
    record Apply(CanaryMessage change) implements Timer {}

    /**
     * How the ingress is set up.
     *
     * @param endpoints the pods requests go to (for the header strategy: the stable pods)
     * @param canaryPods the canary pool of the header strategy; empty for a plain service
     * @param selector the header strategy's canary rules, shared with the gateway
     * @param router how the header strategy asks the selector
     * @param configDelayMaxNanos the longest time a change takes to apply
     */
    record Setup(
            List<NodeId> endpoints,
            List<NodeId> canaryPods,
            CanarySelector selector,
            CanaryRouter router,
            long configDelayMaxNanos) {
        Setup {
            endpoints = List.copyOf(endpoints);
            canaryPods = List.copyOf(canaryPods);
        }
    }

    private final Setup setup;
    private List<NodeId> endpoints;
    private boolean headerRuleOn;

    IngressNode(Setup setup) {
        this.setup = setup;
        this.endpoints = setup.endpoints();
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case PageRequest request -> route(from, request, ctx);
            case HeaderRule rule -> later(rule, ctx);
            case Endpoints list -> later(list, ctx);
            default -> throw new IllegalStateException("the ingress does not expect " + message);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof Apply apply)) {
            throw new IllegalStateException("unexpected timer " + timer);
        }
        switch (apply.change()) {
            case HeaderRule rule -> headerRuleOn = rule.on();
            case Endpoints list -> endpoints = list.pods();
            default -> throw new IllegalStateException("not an ingress change: " + apply.change());
        }
    }

    private void later(CanaryMessage change, NodeContext ctx) {
        long delayNanos = ctx.random().nextLong(setup.configDelayMaxNanos() + 1);
        ctx.setTimer(Duration.ofNanos(delayNanos), new Apply(change));
    }

    private void route(NodeId user, PageRequest request, NodeContext ctx) {
        if (setup.canaryPods().isEmpty()) {
            ctx.send(pick(endpoints, ctx), new Forward(user, request, Pin.NONE));
            return;
        }
        CanarySelector.Choice choice = setup.router().route(setup.selector(), request, headerRuleOn, ctx.random());
        Version version = CanaryRouter.versionOf(choice.track());
        List<NodeId> pool = version == Version.CANARY ? setup.canaryPods() : endpoints;
        ctx.send(pick(pool, ctx), new Forward(user, request, CanaryRouter.pinOf(choice.pinToSet())));
    }

    private static NodeId pick(List<NodeId> pods, NodeContext ctx) {
        return pods.get(ctx.random().nextInt(pods.size()));
    }
}
