package sdlab.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.NodeProcess;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * The Curator contract against sdlab's 3-node coordination cluster ({@code sdlab cluster start
 * coord --nodes 3}): real processes, the Raft leader killed with SIGKILL, a follower cut off by the
 * cluster's partition fault.
 */
class CoordClusterCuratorTest extends CuratorUnderFaultsContract {
    private static final Pattern LEADS = Pattern.compile("(n\\d) leads term (\\d+)");

    private ProcessCluster cluster;
    private int clientPortBase;
    private NodeId cutOff;

    @BeforeAll
    void startCluster(@TempDir Path directory) throws Exception {
        clientPortBase = CoordBenchCluster.freeConsecutivePorts(3);
        cluster = ProcessCluster.start(
                directory,
                CoordClusterMechanism.NAME,
                Map.of("client-port", Integer.toString(clientPortBase), "tick-ms", "500"),
                3,
                7,
                ClusterMechanisms.LAUNCHER,
                line -> {});
    }

    @AfterAll
    void stopCluster() {
        cluster.stop();
        cluster.close();
    }

    @Override
    String server(int index) {
        return "127.0.0.1:" + (clientPortBase + index);
    }

    @Override
    void killLeader() throws Exception {
        cluster.kill(raftLeader());
    }

    @Override
    void cutOffFollower() throws Exception {
        NodeId leader = raftLeader();
        cutOff = cluster.nodes().stream()
                .filter(id -> !id.equals(leader))
                .findFirst()
                .orElseThrow();
        List<NodeId> rest =
                cluster.nodes().stream().filter(id -> !id.equals(cutOff)).toList();
        cluster.partition(List.of(List.of(cutOff), rest));
    }

    @Override
    void reconnectFollower() throws Exception {
        cluster.heal();
    }

    @Override
    void repairEnsemble() throws Exception {
        cluster.heal();
        for (NodeId id : cluster.nodes()) {
            if (!cluster.running().contains(id)) {
                cluster.restart(id);
            }
        }
    }

    @Override
    String describeEnsemble() {
        StringBuilder text = new StringBuilder();
        for (NodeId id : cluster.nodes()) {
            try {
                List<String> lines = Files.readAllLines(NodeProcess.logFile(cluster.directory(), id));
                text.append(String.format(
                        "%n  %s (running: %s), last log lines:",
                        id, cluster.running().contains(id)));
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> text.append("\n    ").append(line));
            } catch (IOException e) {
                text.append(String.format("%n  %s: no log (%s)", id, e));
            }
        }
        return text.toString();
    }

    /** The node whose log says it leads the highest term: the Raft leader (what the logs know, not a guess). */
    private NodeId raftLeader() throws Exception {
        awaitTrue(Duration.ofSeconds(10), () -> raftLeaderOrNull() != null);
        return raftLeaderOrNull();
    }

    private NodeId raftLeaderOrNull() {
        NodeId leader = null;
        long highest = -1;
        for (NodeId id : cluster.nodes()) {
            try {
                Matcher matcher = LEADS.matcher(Files.readString(NodeProcess.logFile(cluster.directory(), id)));
                while (matcher.find()) {
                    long term = Long.parseLong(matcher.group(2));
                    if (term > highest && cluster.running().contains(id)) {
                        highest = term;
                        leader = NodeId.of(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // no log yet
            }
        }
        return leader;
    }
}
