package sdlab.shard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.shard.store.ShardWire;

/**
 * The pool shares operations among its routers, one at a time each: the first operations go to different routers,
 * the rest wait for one to come free, and every operation gets its own outcome. Its routers here are stand-ins that
 * answer at once with their own name, hosted as the real ones are, in client hosts of the runtime.
 */
class RouterPoolTest {

    /** A router that answers every operation at once with "key@its name". */
    private static final class NamingRouter implements Client {
        @Override
        public void onStart(ClientContext ctx) {}

        @Override
        public void onInvoke(Invocation invocation, ClientContext ctx) {
            ctx.complete(
                    invocation.opId(),
                    Outcome.ok(invocation.key() + "@" + ctx.self().name()));
        }

        @Override
        public void onMessage(NodeId from, Message message, ClientContext ctx) {}
    }

    @Test
    void operationsAreSharedAmongTheRoutersAndEachGetsItsOwnOutcome() throws Exception {
        List<RouterPool.Router> routers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            routers.add(new RouterPool.Router(new NamingRouter(), () -> InMemoryShards.TABLE));
        }
        try (RouterPool pool = RouterPool.start(routers, "router", Map.of(), ShardWire.class, 1, line -> {})) {
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                outcomes.add(pool.invoke("get", "k" + i, null));
            }

            Set<String> routersUsed = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Outcome outcome = outcomes.get(i).get(30, TimeUnit.SECONDS);
                String answer = (String) ((Outcome.Ok) outcome).value();
                assertThat(answer).startsWith("k" + i + "@router");
                routersUsed.add(answer.substring(answer.indexOf('@') + 1));
            }
            assertThat(routersUsed).containsExactlyInAnyOrder("router1", "router2", "router3");
            assertThat(pool.cachedTables()).containsOnly(InMemoryShards.TABLE).hasSize(3);
        }
    }
}
