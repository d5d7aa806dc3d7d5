package sdlab.shard.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.core.client.Outcome;
import sdlab.shard.store.RoutingTable;

/**
 * What the door needs of the sharded store: to run a router's operation ({@link sdlab.shard.store.ShardRouter#GET},
 * {@code PUT}, {@code RANGE}, {@code COUNT}) and to show the tables its routers have cached. The real one is a {@link
 * RouterPool}; tests of the door alone use an in-memory stand-in.
 */
public interface ShardAccess extends AutoCloseable {

    /** Runs one operation; completes, on any thread, with the router's outcome (ok, failed, or unknown). */
    CompletableFuture<Outcome> invoke(String f, String key, Object value);

    /** Each router's cached table, null for one that has not fetched its first yet. */
    List<RoutingTable> cachedTables();

    @Override
    void close();
}
