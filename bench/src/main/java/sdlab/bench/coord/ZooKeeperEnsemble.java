package sdlab.bench.coord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.zookeeper.Version;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;
import sdlab.bench.peer.ChildProcess;
import sdlab.bench.peer.FreePort;
import sdlab.bench.peer.Scratch;

/**
 * A real ZooKeeper ensemble on loopback: one {@link QuorumPeerMain} JVM per server, each with its
 * own zoo.cfg and data directory in the run's scratch directory. It is ready once it has
 * acknowledged a write, that is once a leader is elected and followed. Closing stops every
 * server; {@link ChildProcess}'s shutdown hook does the same on Ctrl-C.
 */
public final class ZooKeeperEnsemble implements Ensemble {
    /** Starting a JVM, electing a leader and syncing followers: seconds normally, more on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** zkServer.sh's default heap; the collector is the JVM's default, as zkServer.sh leaves it. */
    private static final String HEAP = "-Xmx1000m";

    private final List<ChildProcess> servers;
    private final String connectString;

    private ZooKeeperEnsemble(List<ChildProcess> servers, String connectString) {
        this.servers = servers;
        this.connectString = connectString;
    }

    /**
     * Starts {@code count} servers (1 runs ZooKeeper standalone) with their files under {@code scratch}.
     *
     * @throws IllegalStateException when a server does not start or the ensemble takes no write in time;
     *     the servers already started are stopped first
     */
    public static ZooKeeperEnsemble start(int count, Scratch scratch, Consumer<String> progress)
            throws InterruptedException {
        ZooKeeperConfig config = new ZooKeeperConfig(ports(count), ports(count), ports(count));
        List<ChildProcess> started = new ArrayList<>();
        ZooKeeperEnsemble ensemble = new ZooKeeperEnsemble(started, config.connectString());
        try {
            for (int id = 1; id <= count; id++) {
                progress.accept("starting ZooKeeper server " + id + " of " + count);
                started.add(startServer(config, id, scratch));
            }
            progress.accept("waiting for the ZooKeeper ensemble to elect a leader and take a write");
            try {
                Sessions.awaitWritable(config.connectString(), START_TIMEOUT);
            } catch (IllegalStateException e) {
                // A server can listen and still be broken (a missing class kills its main thread, not
                // the JVM): the end of its log says why.
                throw new IllegalStateException(
                        e.getMessage() + "; server 1's log ends: "
                                + started.getFirst().tail(),
                        e);
            }
            return ensemble;
        } catch (RuntimeException | Error | InterruptedException e) {
            ensemble.close(); // whatever went wrong, no server process outlives the bench
            throw e;
        }
    }

    private static ChildProcess startServer(ZooKeeperConfig config, int id, Scratch scratch) {
        Path dataDir = scratch.resolve("zk" + id);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("myid"), id + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
        Path cfg = scratch.write("zoo" + id + ".cfg", config.text(id, dataDir));
        List<String> command = List.of(
                javaBinary(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                QuorumPeerMain.class.getName(),
                cfg.toString());
        return ChildProcess.startListening(
                "ZooKeeper server " + id,
                command,
                scratch.resolve("zk" + id + ".log"),
                config.clientPorts().get(id - 1),
                START_TIMEOUT);
    }

    private static List<Integer> ports(int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(FreePort.pick());
        }
        return ports;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String connectString() {
        return connectString;
    }

    @Override
    public String describe() {
        String shape = servers.size() == 1 ? "1 server (standalone)" : servers.size() + " servers, one JVM each";
        return "ZooKeeper " + Version.getVersion().replaceAll("[- ].*", "") + ", " + shape
                + " on loopback, forceSync=yes (every write fsynced)";
    }

    /** The operating-system ids of the servers, so tests can see that they are gone after {@link #close}. */
    public List<Long> pids() {
        return servers.stream().map(ChildProcess::pid).toList();
    }

    @Override
    public void close() {
        servers.forEach(ChildProcess::close);
    }
}
