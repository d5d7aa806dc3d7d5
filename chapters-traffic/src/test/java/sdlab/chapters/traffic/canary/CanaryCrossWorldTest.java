package sdlab.chapters.traffic.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.RealGateway;
import sdlab.chapters.traffic.canary.CanaryMessage.HeaderRule;
import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.PageResponse;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.traffic.routing.CanaryRule;
import sdlab.traffic.routing.CanarySelector;
import sdlab.traffic.routing.Track;

/**
 * Chapter 4's ingress and sdlab's real gateway decide alike: the same users' requests (canary
 * header or not, the pin cookie each world handed out earlier, new sessions) go to the
 * chapter's {@code IngressNode} in the simulator and to the gateway over HTTP, and each world
 * answers with the same version and the same pin cookie, request by request, including the
 * case the precedence is about: a session pinned to stable that starts sending the header.
 */
class CanaryCrossWorldTest {
    private static final String COOKIE = "SDLAB_CANARY";

    /** One request of the script: which user, whether it carries the canary header, whether it starts a session. */
    private record Step(String user, boolean header, boolean newSession) {}

    private static final List<Step> SCRIPT = List.of(
            new Step("ann", false, true),
            new Step("ann", false, false),
            new Step("ann", true, false), // pinned to stable, now with the header: the pin wins
            new Step("ann", true, true), // a new session with the header: the canary, pinned
            new Step("ann", false, false), // pinned to the canary, without the header: still the canary
            new Step("bob", true, true),
            new Step("bob", true, false),
            new Step("bob", false, true),
            new Step("tom", false, true),
            new Step("tom", false, false),
            new Step("tom", true, false));

    private static RealGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new RealGateway();
        gateway.upstream("stable", "v1", "s1", "s2");
        gateway.upstream("canary", "v2", "k1");
        // First match wins: the weighted route goes before the catch-all.
        gateway.route("weighted", "/weighted", "stable")
                .putObject("canary")
                .put("upstream", "canary")
                .put("header", CanaryRouter.HEADER)
                .put("headerValue", CanaryRouter.HEADER_VALUE)
                .put("cookie", COOKIE)
                .put("weightPercent", 30);
        gateway.route("site", "/", "stable")
                .putObject("canary")
                .put("upstream", "canary")
                .put("header", CanaryRouter.HEADER)
                .put("headerValue", CanaryRouter.HEADER_VALUE)
                .put("cookie", COOKIE)
                .put("weightPercent", 0);
        gateway.start(new Random(7));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void theSimulatedIngressAndTheGatewayServeTheSameVersionAndPinPerRequest() throws Exception {
        // Shows: the chapter measures the rule the gateway runs; the pin wins over the header in both worlds.
        List<String> simulated = simulated();
        List<String> real = real();
        assertThat(simulated).hasSize(SCRIPT.size());
        assertThat(real).isEqualTo(simulated);
        assertThat(real.get(2)).as("a stable-pinned session sending the header").isEqualTo("STABLE/-");
        assertThat(real.get(3)).isEqualTo("CANARY/CANARY");
    }

    @Test
    void theGatewaysWeightedDrawsAreTheSharedSelectorsDrawsFromTheSameSeed() throws Exception {
        // Shows: with one seeded generator, the gateway's weighted canary hands out exactly the tracks the shared
        // selector does, so a simulated node that passes its seeded generator decides like the gateway.
        CanarySelector selector =
                new CanarySelector(new CanaryRule(CanaryRouter.HEADER, CanaryRouter.HEADER_VALUE, 30, true));
        Random random = new Random(7);
        List<String> expected = new ArrayList<>();
        List<String> real = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(selector.select(null, null, true, random).track().name());
            real.add(versionOf(gateway.get("/weighted/page")).name());
        }
        assertThat(real).isEqualTo(expected).contains("CANARY", "STABLE");
    }

    private static List<String> real() throws Exception {
        Map<String, String> jar = new HashMap<>();
        List<String> decisions = new ArrayList<>();
        for (Step step : SCRIPT) {
            if (step.newSession()) {
                jar.remove(step.user());
            }
            List<String> headers = new ArrayList<>();
            if (step.header()) {
                headers.addAll(List.of(CanaryRouter.HEADER, CanaryRouter.HEADER_VALUE));
            }
            if (jar.containsKey(step.user())) {
                headers.addAll(List.of("Cookie", COOKIE + "=" + jar.get(step.user())));
            }
            HttpResponse<String> response = gateway.get("/page", headers.toArray(String[]::new));
            String set = RealGateway.setCookie(response, COOKIE);
            if (set != null) {
                jar.put(step.user(), set);
            }
            Track pinSet = Track.fromCookie(set);
            decisions.add(versionOf(response).name() + "/" + (pinSet == null ? "-" : pinSet.name()));
        }
        return decisions;
    }

    private static Version versionOf(HttpResponse<String> response) throws Exception {
        return "v2".equals(RealGateway.echo(response).get("version")) ? Version.CANARY : Version.STABLE;
    }

    /** The script through the chapter's ingress, header rule on, in front of two stable pods and one canary pod. */
    private static List<String> simulated() {
        CanaryTally tally = new CanaryTally(SeedRun.builder(), new CanaryTally.Timeline(0, Long.MAX_VALUE));
        NodeId ingress = NodeId.of("ingress");
        Simulation.Builder sim =
                Simulation.builder(1).network(NetworkConfig.reliable(Latency.logNormal(Duration.ofMillis(1), 0.3)));
        List<NodeId> stable = List.of(NodeId.of("pod1"), NodeId.of("pod2"));
        List<NodeId> canary = List.of(NodeId.of("canary1"));
        stable.forEach(id -> sim.addNode(id, n -> new PodNode(Version.STABLE, tally)));
        canary.forEach(id -> sim.addNode(id, n -> new PodNode(Version.CANARY, tally)));
        CanarySelector selector = new CanarySelector(CanaryRouter.rule(true));
        sim.addNode(
                ingress,
                id -> new IngressNode(new IngressNode.Setup(stable, canary, selector, CanaryRouter.SHARED, 0)));
        ScriptedUsers users = new ScriptedUsers(ingress);
        sim.addClient(NodeId.of("users"), users);
        sim.build().run(Duration.ofSeconds(10));
        return users.decisions;
    }

    /** Sends the script's requests one after another, keeping each user's pin as a browser keeps the cookie. */
    private static final class ScriptedUsers implements Client {
        private record Begin() implements Timer {}

        private final NodeId ingress;
        private final Map<String, Pin> pins = new HashMap<>();
        final List<String> decisions = new ArrayList<>();
        private int next;

        ScriptedUsers(NodeId ingress) {
            this.ingress = ingress;
        }

        @Override
        public void onStart(ClientContext ctx) {
            ctx.send(ingress, new HeaderRule(true));
            ctx.setTimer(Duration.ofMillis(50), new Begin());
        }

        @Override
        public void onInvoke(Invocation invocation, ClientContext ctx) {
            throw new IllegalStateException("scripted users run no workload");
        }

        @Override
        public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
            send(ctx);
        }

        @Override
        public void onMessage(NodeId from, Message message, ClientContext ctx) {
            PageResponse page = (PageResponse) message;
            Step step = SCRIPT.get(next);
            if (page.setPin() != Pin.NONE) {
                pins.put(step.user(), page.setPin());
            }
            decisions.add(page.servedBy().name() + "/" + (page.setPin() == Pin.NONE ? "-" : page.setPin()));
            next++;
            if (next < SCRIPT.size()) {
                send(ctx);
            }
        }

        private void send(ClientContext ctx) {
            Step step = SCRIPT.get(next);
            if (step.newSession()) {
                pins.remove(step.user());
            }
            ctx.send(ingress, new PageRequest(next, step.header(), pins.getOrDefault(step.user(), Pin.NONE)));
        }
    }
}
