package sdlab.coord.recipes;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a lock client runs.
 *
 * @param kind the recipe it follows
 * @param servers the coordination servers, tried in turn from {@code firstServer}
 * @param firstServer the index of the server it connects to first
 * @param store the storage node that holds the protected data
 * @param resource the protected data's name at the store (a counter)
 * @param sessionTimeoutMs the session timeout it asks for
 * @param requestTimeout how long a request to a server may go unanswered before the connection
 *     counts as lost (ZooKeeper's client uses two thirds of the session timeout)
 * @param increments read-modify-writes of the counter per hold
 * @param work how long the holder computes between reading the counter and writing it back
 * @param think how long a client waits after a hold before it tries to take the lock again
 * @param storeTimeout how long the holder waits for the store before it gives the hold up
 * @param ttlMs the lease recipe's TTL; renewed every third of it
 * @param bug a planted mistake, or {@link Bug#NONE}
 */
public record LockConfig(
        LockKind kind,
        List<NodeId> servers,
        int firstServer,
        NodeId store,
        String resource,
        int sessionTimeoutMs,
        Duration requestTimeout,
        int increments,
        Duration work,
        Duration think,
        Duration storeTimeout,
        long ttlMs,
        Bug bug) {

    /** Mistakes that the lock chapter's claims must catch. */
    public enum Bug {
        NONE,
        /**
         * The sequential recipe watches the lock's parent (getChildren with a watch) instead of its
         * predecessor: still correct, but every change wakes every waiter, the herd the recipe exists
         * to avoid.
         */
        WATCH_PARENT
    }

    public LockConfig {
        Objects.requireNonNull(kind, "kind");
        servers = List.copyOf(servers);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(think, "think");
        Objects.requireNonNull(storeTimeout, "storeTimeout");
        Objects.requireNonNull(bug, "bug");
        if (servers.isEmpty() || increments < 1 || sessionTimeoutMs <= 0 || ttlMs <= 0) {
            throw new IllegalArgumentException("a lock client needs servers, one increment or more, and positive"
                    + " timeouts; got " + servers + ", " + increments + ", " + sessionTimeoutMs + ", " + ttlMs);
        }
    }

    /** The same configuration for a client that connects to {@code index} first. */
    public LockConfig withFirstServer(int index) {
        return new LockConfig(
                kind,
                servers,
                index,
                store,
                resource,
                sessionTimeoutMs,
                requestTimeout,
                increments,
                work,
                think,
                storeTimeout,
                ttlMs,
                bug);
    }
}
