package sdlab.app.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;
import sdlab.shard.store.ShardRouter;

/**
 * A real {@code shards} cluster for tests, started as {@code sdlab cluster start shards} starts it, and routers over
 * TCP that talk to it: the {@link ShardRouter} each test client runs, configured from the same options.
 */
final class ShardTestCluster implements AutoCloseable {
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

    final ProcessCluster processes;
    final ShardClusterMechanism mechanism;
    private final Path directory;

    private ShardTestCluster(ProcessCluster processes, ShardClusterMechanism mechanism, Path directory) {
        this.processes = processes;
        this.mechanism = mechanism;
        this.directory = directory;
    }

    /**
     * Starts n1 (placement), the shards and the spares that {@code options} ask for, and waits until they answer. A
     * start whose processes do not all answer within the runtime's 30 s is tried once more: with the load average
     * above 30 on this 2-core machine, a node's JVM once had not even listened after 30 s. Nothing a test checks
     * happens before the nodes answer, and a failed start stops every process it began.
     */
    static ShardTestCluster start(Path directory, Map<String, String> given) throws Exception {
        // Every process opens a RESP door: free ports unless the test chose its own, never the default 6400.
        Map<String, String> options = new HashMap<>(given);
        if (!options.containsKey("client-port")) {
            int nodes = ShardClusterMechanism.fromOptions(given).nodeCount();
            options.put("client-port", Integer.toString(ReplTestCluster.freePortRange(nodes)));
        }
        ShardClusterMechanism mechanism = ShardClusterMechanism.fromOptions(options);
        ProcessCluster processes;
        try {
            processes = startProcesses(directory, options, mechanism);
        } catch (IllegalStateException slowStart) {
            System.out.println("shards cluster: a slow start, tried again: "
                    + slowStart.getMessage().lines().findFirst().orElse(""));
            processes = startProcesses(directory, options, mechanism);
        }
        return new ShardTestCluster(processes, mechanism, directory);
    }

    private static ProcessCluster startProcesses(
            Path directory, Map<String, String> options, ShardClusterMechanism mechanism) throws Exception {
        return ProcessCluster.start(
                directory,
                ShardClusterMechanism.NAME,
                new HashMap<>(options),
                mechanism.nodeCount(),
                7,
                ClusterMechanisms.LAUNCHER,
                line -> {});
    }

    /**
     * A router named {@code name}, connected to every node. {@code bugOptions} configure its mechanism (a planted
     * bug lives in the routers, not in the nodes); empty means the cluster's own.
     */
    Router router(String name, Map<String, String> bugOptions) throws InterruptedException {
        ShardClusterMechanism routing =
                bugOptions.isEmpty() ? mechanism : ShardClusterMechanism.fromOptions(bugOptions);
        ClientHost host = ClientHost.start(
                NodeId.of(name),
                processes.addresses(),
                routing.client(processes.nodes()),
                routing.family(),
                name.hashCode(),
                line -> {});
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (!host.connectedTo(processes.nodes())) {
            if (System.nanoTime() > deadline) {
                host.close();
                throw new IllegalStateException(name + " did not connect to every node within " + CONNECT_WAIT);
            }
            Thread.sleep(10);
        }
        return new Router(host);
    }

    ShardsAdmin admin() {
        return ShardsAdmin.open(processes, mechanism);
    }

    Path directory() {
        return directory;
    }

    List<NodeId> nodes() {
        return processes.nodes();
    }

    @Override
    public void close() {
        processes.stop();
        processes.close();
    }

    /** One router's operations, each waited for. */
    record Router(ClientHost host) implements AutoCloseable {
        Outcome put(String key, long value) throws Exception {
            return call(ShardRouter.PUT, key, value);
        }

        Outcome get(String key) throws Exception {
            return call(ShardRouter.GET, key, null);
        }

        Outcome scan(String from, String to) throws Exception {
            return call(ShardRouter.RANGE, from, to);
        }

        Outcome count() throws Exception {
            return call(ShardRouter.COUNT, null, null);
        }

        private Outcome call(String f, String key, Object value) throws Exception {
            return host.invoke(0, f, key, value).get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
