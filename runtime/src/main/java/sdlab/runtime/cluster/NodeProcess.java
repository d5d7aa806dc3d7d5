package sdlab.runtime.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import sdlab.core.NodeId;
import sdlab.runtime.host.FailStop;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.host.NodeSettings;
import sdlab.runtime.net.LineLog;

/**
 * The body of one node process of a cluster: reads the cluster's layout, starts the node with
 * the mechanism's own factory, applies the network faults the layout says this node is under
 * (they outlive a restart, as iptables rules outlive a process), and runs until killed.
 * Its log lines go to standard output, which the launcher sends to {@code D/<id>.log}.
 */
public final class NodeProcess {
    private NodeProcess() {}

    /** The data directory of node {@code id} in the cluster directory {@code directory}. */
    public static Path dataDirectory(Path directory, NodeId id) {
        return directory.resolve("data").resolve(id.name());
    }

    /** The log file of node {@code id}. */
    public static Path logFile(Path directory, NodeId id) {
        return directory.resolve(id.name() + ".log");
    }

    /**
     * Runs node {@code id} until the process is killed; returns only if it cannot start, with
     * the reason on standard error.
     */
    public static void run(Path directory, NodeId id, Function<ClusterLayout, ClusterMechanism> mechanisms)
            throws InterruptedException {
        LineLog log = timestamped(System.out);
        NodeHost host = null;
        AutoCloseable frontDoor;
        try {
            ClusterLayout layout = ClusterLayout.read(directory);
            if (!layout.ports().containsKey(id)) {
                throw new IllegalArgumentException("the cluster in " + directory + " has no node " + id);
            }
            ClusterMechanism mechanism = mechanisms.apply(layout);
            NodeSettings settings =
                    new NodeSettings(id, layout.addresses(), dataDirectory(directory, id), layout.seed());
            log.line("starting " + id + " of " + mechanism.describe());
            host = NodeHost.start(
                    settings,
                    mechanism.nodeFactory(layout.nodes()),
                    mechanism.family(),
                    log,
                    FailStop.haltProcess(log));
            host.setFaults(layout.faults().getOrDefault(id, sdlab.runtime.net.NetworkFaults.NONE));
            frontDoor = mechanism.openFrontDoor(host, layout.nodes().indexOf(id), log);
            host.markServing();
        } catch (ClusterLayout.BadLayoutException | IOException | RuntimeException e) {
            if (host != null) {
                host.close();
            }
            System.err.println("sdlab: node " + id + " cannot start: " + e.getMessage());
            System.err.flush();
            return;
        }
        NodeHost started = host;
        AutoCloseable openedDoor = frontDoor;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.line(id + " stopping (terminated)");
            try {
                openedDoor.close();
            } catch (Exception e) {
                log.line(id + " front door did not close cleanly: " + e);
            }
            started.close();
        }));
        new CountDownLatch(1).await();
    }

    private static LineLog timestamped(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(Instant.now() + " " + line);
                out.flush();
            }
        };
    }
}
