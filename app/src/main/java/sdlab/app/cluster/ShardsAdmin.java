package sdlab.app.cluster;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;
import sdlab.shard.store.PlacementOperator;

/**
 * An operator's session with a running {@code shards} cluster's placement node: the {@link PlacementOperator} client
 * over TCP, for {@code sdlab cluster shards} and for tests.
 */
final class ShardsAdmin implements AutoCloseable {
    /** A change moves data and waits for every shard concerned; far below this on one machine. */
    static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(30);

    /** Sessions opened by this process, so that each has its own name on the nodes' links. */
    private static final AtomicLong SESSIONS = new AtomicLong();

    private final ClientHost host;

    private ShardsAdmin(ClientHost host) {
        this.host = host;
    }

    /** Connects to the placement node of {@code cluster}, which runs {@code mechanism}. */
    static ShardsAdmin open(ProcessCluster cluster, ShardClusterMechanism mechanism) {
        NodeId self = NodeId.of("operator-" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet());
        ClientHost host = ClientHost.start(
                self,
                cluster.addresses(),
                mechanism.operator(CHANGE_TIMEOUT),
                mechanism.family(),
                ProcessHandle.current().pid(),
                line -> {});
        return new ShardsAdmin(host);
    }

    /** Adds {@code shard} to the table; completes once the change is in force. */
    Outcome add(NodeId shard) throws InterruptedException {
        return call(PlacementOperator.JOIN, shard.name());
    }

    /** Takes {@code shard} out of the table; completes once its data has moved to the others. */
    Outcome remove(NodeId shard) throws InterruptedException {
        return call(PlacementOperator.LEAVE, shard.name());
    }

    /** The table in force. */
    Outcome table() throws InterruptedException {
        return call(PlacementOperator.TABLE, null);
    }

    @Override
    public void close() {
        host.close();
    }

    private Outcome call(String f, String key) throws InterruptedException {
        try {
            return host.invoke(0, f, key, null).get(CHANGE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Outcome.fail("the operator's client failed: " + e.getCause());
        } catch (TimeoutException e) {
            return Outcome.unknown("no outcome within " + CHANGE_TIMEOUT.toSeconds() + " s");
        }
    }
}
