package sdlab.shard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardRouter;

/**
 * A stand-in for the door's routers, so that the door's protocol can be tested without a cluster: the router's
 * operations over one map, under a fixed table of three shards. Operations stay open until {@link #release} when the
 * test holds them, which shows how many a command had in flight at once; otherwise each completes on a thread of its
 * own, as a router's reply comes on the router's loop, not the connection's.
 */
final class InMemoryShards implements ShardAccess {
    static final RoutingTable TABLE = RoutingTable.first(
            new ModuloPartitioner(List.of(NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4")), KeyHash.stable()));

    private final Map<String, Long> entries = new ConcurrentHashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private String failingKey;

    /** Keeps every operation open until {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    /** Completes the held operations; returns how many there were. */
    int release() {
        List<Runnable> open;
        synchronized (this) {
            holding = false;
            open = List.copyOf(held);
            held.clear();
        }
        open.forEach(Runnable::run);
        return open.size();
    }

    synchronized int heldCount() {
        return held.size();
    }

    /** Operations on {@code key} fail from now on, certainly not applied. */
    synchronized void failOn(String key) {
        failingKey = key;
    }

    @Override
    public CompletableFuture<Outcome> invoke(String f, String key, Object value) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Runnable apply = () -> outcome.complete(apply(f, key, value));
        synchronized (this) {
            if (holding) {
                held.add(apply);
                return outcome;
            }
        }
        Thread.startVirtualThread(apply);
        return outcome;
    }

    private synchronized Outcome apply(String f, String key, Object value) {
        if (key.equals(failingKey)) {
            return Outcome.fail("planted failure of " + key);
        }
        return switch (f) {
            case ShardRouter.GET -> Outcome.ok(entries.get(key));
            case ShardRouter.PUT -> {
                entries.put(key, (Long) value);
                yield Outcome.ok(value);
            }
            case ShardRouter.DEL -> Outcome.ok(entries.remove(key) == null ? 0L : 1L);
            case ShardRouter.RANGE -> Outcome.ok(new TreeMap<>(new TreeMap<>(entries).subMap(key, (String) value)));
            default -> Outcome.fail("no such operation here: " + f);
        };
    }

    @Override
    public List<RoutingTable> cachedTables() {
        return List.of(TABLE, TABLE);
    }

    @Override
    public void close() {}
}
