package sdlab.chapters.traffic.lbfeatures;

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
import sdlab.chapters.traffic.lbfeatures.LbMessage.Done;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Proxied;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Request;
import sdlab.chapters.traffic.lbfeatures.LbMessage.Response;
import sdlab.chapters.traffic.lbfeatures.LbParams.Balance;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
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

/**
 * Chapter 9's balancer and sdlab's real gateway pick the same backend for the same requests:
 * round robin, and cookie affinity with each world's own cookie jar, before and after the first
 * backend leaves rotation to drain. The simulated {@code BalancerNode} drains it in its rolling
 * deploy; the gateway drains it when the server is removed.
 */
class LbFeaturesCrossWorldTest {
    private static final String STICKY_COOKIE = "SDLAB_STICKY";
    private static final List<String> USERS = List.of("u1", "u2", "u3", "u4", "u5");
    private static final int REQUESTS_PER_USER_AND_PHASE = 2;
    private static final long DRAIN_AT_NANOS = Duration.ofSeconds(1).toNanos();

    private static RealGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new RealGateway();
        gateway.upstream("sticky", "v1", "a1", "a2", "a3")
                .putObject("sticky")
                .put("mode", "cookie")
                .put("cookieName", STICKY_COOKIE);
        gateway.upstream("plain", "v1", "p1", "p2", "p3");
        gateway.route("sticky", "/sticky", "sticky");
        gateway.route("plain", "/plain", "plain");
        gateway.start(new Random(1));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void roundRobinPicksTheSameBackendsInBothWorldsBeforeAndAfterADrain() throws Exception {
        // Shows: the same rotation order, and a draining backend skipped alike.
        List<Integer> real = real("/plain", "plain", "p1");
        assertThat(real).isEqualTo(simulated(false)).contains(1, 2, 3);
        assertThat(real.subList(real.size() / 2, real.size())).doesNotContain(1);
    }

    @Test
    void cookieAffinityKeepsTheSameUsersOnTheSameBackendsInBothWorlds() throws Exception {
        // Shows: a user stays with the backend its cookie names while it serves, and moves alike when it drains.
        List<Integer> real = real("/sticky", "sticky", "a1");
        assertThat(real).isEqualTo(simulated(true));
        assertThat(real.subList(real.size() / 2, real.size())).doesNotContain(1);
    }

    /** The backend number (1 to 3) of each request, through the gateway. */
    private static List<Integer> real(String path, String upstream, String drained) throws Exception {
        Map<String, String> jar = new HashMap<>();
        List<Integer> picks = new ArrayList<>();
        for (int phase = 0; phase < 2; phase++) {
            if (phase == 1) {
                assertThat(gateway.gateway().removeServer(upstream, gateway.address(drained)))
                        .isTrue();
            }
            for (String user : USERS) {
                for (int i = 0; i < REQUESTS_PER_USER_AND_PHASE; i++) {
                    HttpResponse<String> response = jar.containsKey(user)
                            ? gateway.get(path + "/x", "Cookie", STICKY_COOKIE + "=" + jar.get(user))
                            : gateway.get(path + "/x");
                    String set = RealGateway.setCookie(response, STICKY_COOKIE);
                    if (set != null) {
                        jar.put(user, set);
                    }
                    String name = (String) RealGateway.echo(response).get("name");
                    picks.add(name.charAt(name.length() - 1) - '0');
                }
            }
        }
        return picks;
    }

    /** The same requests through chapter 9's balancer, whose deploy takes backend 1 out at {@link #DRAIN_AT_NANOS}. */
    private static List<Integer> simulated(boolean affinity) {
        List<NodeId> backends = List.of(NodeId.of("b1"), NodeId.of("b2"), NodeId.of("b3"));
        NodeId balancer = NodeId.of("lb");
        Simulation.Builder sim =
                Simulation.builder(1).network(NetworkConfig.reliable(Latency.logNormal(Duration.ofMillis(1), 0.3)));
        backends.forEach(id -> sim.addNode(id, n -> new EchoBackend()));
        BalancerNode.Setup setup = new BalancerNode.Setup(
                backends,
                Balance.PER_REQUEST,
                affinity,
                true,
                DRAIN_AT_NANOS,
                Duration.ofSeconds(10).toNanos());
        LbTally tally = new LbTally(SeedRun.builder(), backends.size());
        sim.addNode(balancer, id -> new BalancerNode(setup, tally));
        ScriptedBrowsers browsers = new ScriptedBrowsers(balancer);
        sim.addClient(NodeId.of("browsers"), browsers);
        sim.build().run(Duration.ofSeconds(10));
        return browsers.picks;
    }

    /** A backend that answers at once and never restarts (so the deploy stays at the first backend). */
    private static final class EchoBackend implements Node {
        @Override
        public void onStart(NodeContext ctx, boolean restarted) {}

        @Override
        public void onMessage(NodeId from, Message message, NodeContext ctx) {
            if (message instanceof Proxied proxied) {
                ctx.send(from, new Done(proxied.client(), proxied.requestId(), proxied.sessionId(), true));
            }
        }
    }

    /** The users' requests one after another, each carrying the affinity cookie its last response gave. */
    private static final class ScriptedBrowsers implements Client {
        private record Phase2() implements Timer {}

        private final NodeId balancer;
        private final Map<String, NodeId> jar = new HashMap<>();
        final List<Integer> picks = new ArrayList<>();
        private int sent;

        ScriptedBrowsers(NodeId balancer) {
            this.balancer = balancer;
        }

        @Override
        public void onStart(ClientContext ctx) {
            send(ctx);
        }

        @Override
        public void onInvoke(Invocation invocation, ClientContext ctx) {
            throw new IllegalStateException("scripted browsers run no workload");
        }

        @Override
        public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
            send(ctx);
        }

        @Override
        public void onMessage(NodeId from, Message message, ClientContext ctx) {
            Response response = (Response) message;
            assertThat(response.ok()).isTrue();
            jar.put(user(sent - 1), response.backend());
            String name = response.backend().name();
            picks.add(name.charAt(name.length() - 1) - '0');
            int perPhase = USERS.size() * REQUESTS_PER_USER_AND_PHASE;
            if (sent == perPhase) {
                ctx.setTimer(Duration.ofNanos(2 * DRAIN_AT_NANOS), new Phase2());
            } else if (sent < 2 * perPhase) {
                send(ctx);
            }
        }

        private static String user(int request) {
            return USERS.get((request / REQUESTS_PER_USER_AND_PHASE) % USERS.size());
        }

        private void send(ClientContext ctx) {
            NodeId sticky = jar.get(user(sent));
            ctx.send(balancer, new Request(0, sent, 0, sticky));
            sent++;
        }
    }
}
