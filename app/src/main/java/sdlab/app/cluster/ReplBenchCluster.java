package sdlab.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import sdlab.bench.repl.SdlabReplLauncher;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * The replicated store for {@code sdlab bench repl}: the same processes as {@code sdlab cluster start repl} with the
 * bench's options (one replica, the mode), on free ports, started in the run's scratch directory and stopped with the
 * mode's run.
 */
public final class ReplBenchCluster implements SdlabReplLauncher.Running {
    /** A bound, not a figure: JVMs start slowly on a busy 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final byte[] PROBE =
            "*3\r\n$3\r\nSET\r\n$5\r\nprobe\r\n$1\r\n1\r\n".getBytes(StandardCharsets.UTF_8);

    private final ProcessCluster cluster;
    private final int portBase;

    private ReplBenchCluster(ProcessCluster cluster, int portBase) {
        this.cluster = cluster;
        this.portBase = portBase;
    }

    /** Starts the cluster and waits until its primary acknowledges a SET; nothing is left running if it cannot. */
    public static ReplBenchCluster start(Path directory, Map<String, String> modeOptions) throws InterruptedException {
        ProcessCluster cluster;
        int base;
        Map<String, String> options = new HashMap<>(modeOptions);
        try {
            base = CoordBenchCluster.freeConsecutivePorts(2);
            options.put("client-port", Integer.toString(base));
            ReplClusterMechanism mechanism = ReplClusterMechanism.fromOptions(options);
            cluster = ProcessCluster.start(
                    directory,
                    ReplClusterMechanism.NAME,
                    options,
                    mechanism.nodeCount(),
                    1,
                    ClusterMechanisms.LAUNCHER,
                    line -> {});
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the sdlab repl cluster did not start: " + e.getMessage(), e);
        }
        ReplBenchCluster started = new ReplBenchCluster(cluster, base);
        boolean ready = false;
        try {
            started.awaitWritable();
            ready = true;
            return started;
        } finally {
            if (!ready) {
                started.close(); // whatever went wrong, no node process outlives the bench
            }
        }
    }

    private void awaitWritable() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "the sdlab repl primary took no write within " + START_TIMEOUT.toSeconds() + " s of starting");
    }

    private boolean probe() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), primaryPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(PROBE);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return new String(reply, StandardCharsets.UTF_8).equals("+OK\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public int primaryPort() {
        return portBase;
    }

    @Override
    public int replicaPort() {
        return portBase + 1;
    }

    @Override
    public void close() {
        cluster.stop();
        cluster.close();
    }
}
