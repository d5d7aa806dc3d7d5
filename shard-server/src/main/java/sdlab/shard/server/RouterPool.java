package sdlab.shard.server;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;
import sdlab.runtime.host.ClientHost;
import sdlab.runtime.net.LineLog;
import sdlab.shard.store.RoutingTable;

/**
 * A few routers of the simulator's kind ({@link sdlab.shard.store.ShardRouter}), each in its own {@link ClientHost}
 * over TCP, sharing the door's operations. A router runs one operation at a time, as a workload process does, so
 * several let an MGET's gets go to their shards at once; an operation that finds every router busy waits in a
 * bounded queue for the first to come free.
 */
public final class RouterPool implements ShardAccess {
    /** Operations waiting for a router, at most; beyond it the door refuses at once rather than grow a backlog. */
    static final int WAITING_MAX = 10_000;

    /** One router: what hosts it, and a look at its cached table. */
    public record Router(Client client, Supplier<RoutingTable> cachedTable) {}

    private record Running(ClientHost host, Supplier<RoutingTable> cachedTable) {}

    private record Waiting(String f, String key, Object value, CompletableFuture<Outcome> outcome) {}

    private final List<Running> routers;
    private final ArrayDeque<Running> idle;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    private RouterPool(List<Running> routers) {
        this.routers = List.copyOf(routers);
        this.idle = new ArrayDeque<>(routers);
    }

    /**
     * Starts {@code routers}, named {@code namePrefix1}, {@code namePrefix2}, ..., each linked to every node of
     * {@code cluster}. They send nothing but their first table fetch until an operation comes; a link to a node that
     * is still starting holds its frames until it connects.
     */
    public static RouterPool start(
            List<Router> routers,
            String namePrefix,
            Map<NodeId, InetSocketAddress> cluster,
            Class<? extends Message> family,
            long seed,
            LineLog log) {
        List<Running> running = new ArrayList<>();
        for (int i = 0; i < routers.size(); i++) {
            Router router = routers.get(i);
            NodeId id = NodeId.of(namePrefix + (i + 1));
            ClientHost host = ClientHost.start(id, cluster, router.client(), family, seed + i, log);
            running.add(new Running(host, router.cachedTable()));
        }
        return new RouterPool(running);
    }

    @Override
    public CompletableFuture<Outcome> invoke(String f, String key, Object value) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Running free;
        synchronized (this) {
            free = idle.pollFirst();
            if (free == null) {
                if (waiting.size() >= WAITING_MAX) {
                    return CompletableFuture.completedFuture(Outcome.fail(
                            "the door has " + WAITING_MAX + " operations waiting for a router: try again later"));
                }
                waiting.addLast(new Waiting(f, key, value, outcome));
                return outcome;
            }
        }
        run(free, new Waiting(f, key, value, outcome));
        return outcome;
    }

    /** Runs {@code op} on {@code router}, then the next waiting operation on it, or puts it back among the idle. */
    private void run(Running router, Waiting op) {
        router.host().invoke(0, op.f(), op.key(), op.value()).whenComplete((outcome, failure) -> {
            op.outcome().complete(failure == null ? outcome : Outcome.fail("the router failed: " + failure));
            Waiting next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    idle.addLast(router);
                }
            }
            if (next != null) {
                run(router, next);
            }
        });
    }

    /**
     * Each router's table as last seen. The routers replace their table on their own loops; a {@link RoutingTable}
     * is an immutable record, so a reader on another thread sees a whole table, perhaps one change behind.
     */
    @Override
    public List<RoutingTable> cachedTables() {
        List<RoutingTable> tables = new ArrayList<>();
        routers.forEach(router -> tables.add(router.cachedTable().get()));
        return tables;
    }

    @Override
    public void close() {
        routers.forEach(router -> router.host().close());
        synchronized (this) {
            waiting.forEach(op -> op.outcome().complete(Outcome.unknown("the door closed")));
            waiting.clear();
        }
    }
}
