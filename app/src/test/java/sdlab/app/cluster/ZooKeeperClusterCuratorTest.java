package sdlab.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same Curator contract against a real Apache ZooKeeper 3.9.5 ensemble of three servers
 * (Curator's {@code TestingCluster}, in this JVM): the reference for what the recipes see. The
 * leader is found with the {@code srvr} command and killed; a follower cannot be partitioned
 * here, so "cut off" stops it and "reconnect" restarts it.
 */
class ZooKeeperClusterCuratorTest extends CuratorUnderFaultsContract {
    private TestingCluster cluster;
    private final List<InstanceSpec> stopped = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestingCluster(3);
        cluster.start();
    }

    @AfterAll
    void stopCluster() throws IOException {
        cluster.close();
    }

    private List<InstanceSpec> instances() {
        return new ArrayList<>(cluster.getInstances());
    }

    @Override
    String server(int index) {
        return "127.0.0.1:" + instances().get(index).getPort();
    }

    @Override
    void killLeader() throws Exception {
        InstanceSpec leader = leader();
        cluster.killServer(leader);
        stopped.add(leader);
    }

    @Override
    void cutOffFollower() throws Exception {
        InstanceSpec leader = leader();
        InstanceSpec follower = instances().stream()
                .filter(spec -> !spec.equals(leader))
                .findFirst()
                .orElseThrow();
        cluster.killServer(follower);
        stopped.add(follower);
    }

    @Override
    void reconnectFollower() throws Exception {
        for (InstanceSpec spec : List.copyOf(stopped)) {
            cluster.restartServer(spec);
            stopped.remove(spec);
        }
    }

    @Override
    void repairEnsemble() throws Exception {
        reconnectFollower();
    }

    /** The server whose {@code srvr} answer says {@code Mode: leader}. */
    private InstanceSpec leader() throws Exception {
        InstanceSpec[] found = new InstanceSpec[1];
        awaitTrue(Duration.ofSeconds(20), () -> {
            for (InstanceSpec spec : instances()) {
                if (!stopped.contains(spec) && srvr(spec.getPort()).contains("Mode: leader")) {
                    found[0] = spec;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String srvr(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }
}
