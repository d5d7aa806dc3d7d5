package sdlab.app.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import sdlab.bench.coord.Ensemble;
import sdlab.bench.coord.Sessions;
import sdlab.bench.peer.Scratch;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * A 3-node coordination cluster for {@code sdlab bench coord}: the same processes as {@code sdlab
 * cluster start coord --nodes 3} (one JVM per node, Raft between them, every write synced before it
 * is answered), in the run's scratch directory, on free ports.
 */
public final class CoordBenchCluster implements Ensemble {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessCluster cluster;
    private final int clientPortBase;

    private CoordBenchCluster(ProcessCluster cluster, int clientPortBase) {
        this.cluster = cluster;
        this.clientPortBase = clientPortBase;
    }

    /** Starts the cluster and waits until it takes a write; nothing is left running if it cannot. */
    public static CoordBenchCluster start(Scratch scratch) throws InterruptedException {
        ProcessCluster cluster;
        int base;
        try {
            base = freeConsecutivePorts(3);
            cluster = ProcessCluster.start(
                    scratch.resolve("sdlab-coord-cluster"),
                    CoordClusterMechanism.NAME,
                    Map.of("client-port", Integer.toString(base)),
                    3,
                    1,
                    ClusterMechanisms.LAUNCHER,
                    line -> {});
        } catch (IOException e) {
            throw new IllegalStateException("the sdlab coord cluster did not start: " + e.getMessage(), e);
        }
        CoordBenchCluster started = new CoordBenchCluster(cluster, base);
        boolean ready = false;
        try {
            Sessions.awaitWritable(started.connectString(), START_TIMEOUT);
            ready = true;
            return started;
        } finally {
            if (!ready) {
                started.close(); // whatever went wrong, no node process outlives the bench
            }
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + clientPortBase + ",127.0.0.1:" + (clientPortBase + 1) + ",127.0.0.1:"
                + (clientPortBase + 2);
    }

    @Override
    public String describe() {
        return "sdlab coord cluster (3 nodes on Raft, writes synced)";
    }

    @Override
    public void close() {
        cluster.stop();
        cluster.close();
    }

    /** A port P such that P, P+1 and P+2 were free a moment ago. */
    static int freeConsecutivePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base + count <= 65_000 && restFree(base, count)) {
                return base;
            }
        }
        throw new IOException("found no " + count + " consecutive free ports");
    }

    private static boolean restFree(int base, int count) {
        for (int i = 1; i < count; i++) {
            try (ServerSocket next = new ServerSocket(base + i)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
