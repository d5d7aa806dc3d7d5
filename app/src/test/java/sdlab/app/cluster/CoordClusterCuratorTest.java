package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.NodeProcess;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * A 3-node coordination cluster ({@code sdlab cluster start coord --nodes 3}) used by the
 * unmodified ZooKeeper client and Curator's recipes, while the Raft leader is killed and a node is
 * cut off: writes made through one server are seen through another after sync, exactly one
 * LeaderLatch leads at a time and one remains, and InterProcessMutex never has two holders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordClusterCuratorTest {
    private static final Pattern LEADS = Pattern.compile("(n\\d) leads term (\\d+)");

    private ProcessCluster cluster;
    private int clientPortBase;
    private final List<CuratorFramework> clients = new ArrayList<>();

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

    @AfterEach
    void repair() throws Exception {
        clients.forEach(CuratorFramework::close);
        clients.clear();
        cluster.heal();
        for (NodeId id : cluster.nodes()) {
            if (!cluster.running().contains(id)) {
                cluster.restart(id);
            }
        }
    }

    @AfterAll
    void stopCluster() {
        cluster.stop();
        cluster.close();
    }

    @Test
    void aWriteThroughOneServerIsReadThroughAnotherAfterSync() throws Exception {
        CuratorFramework first = client(server(0));
        CuratorFramework second = client(server(2));
        first.create().forPath("/shared", "one".getBytes(StandardCharsets.UTF_8));
        second.sync().forPath("/shared");
        assertThat(new String(second.getData().forPath("/shared"), StandardCharsets.UTF_8))
                .isEqualTo("one");
        assertThat(first.checkExists().forPath("/shared").getVersion()).isZero();
        first.setData().withVersion(0).forPath("/shared", "two".getBytes(StandardCharsets.UTF_8));
        try {
            second.setData().withVersion(0).forPath("/shared", "stale".getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("a setData with an old version succeeded");
        } catch (KeeperException.BadVersionException expected) {
            // the version moved on through the other server
        }
    }

    @Test
    void anEphemeralNodeGoesWithItsSessionOnEveryServer() throws Exception {
        CuratorFramework owner = client(server(1));
        CuratorFramework watcher = client(server(0));
        owner.create().withMode(CreateMode.EPHEMERAL).forPath("/ephemeral");
        watcher.sync().forPath("/ephemeral");
        assertThat(watcher.checkExists().forPath("/ephemeral")).isNotNull();
        owner.close();
        clients.remove(owner);
        awaitTrue(Duration.ofSeconds(10), () -> {
            watcher.sync().forPath("/ephemeral");
            return watcher.checkExists().forPath("/ephemeral") == null;
        });
    }

    @Test
    void leaderLatchKeepsOneLeaderWhileTheRaftLeaderIsKilled() throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeaderLatch latch = new LeaderLatch(client(connectString()), "/latch", "p" + i);
            latch.start();
            latches.add(latch);
        }
        awaitTrue(Duration.ofSeconds(20), () -> leaders(latches) == 1);
        cluster.kill(raftLeader());
        // Sampled every 20 ms: never two leaders; one again within 30 s, and still one 3 s later.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long recoveredAt = 0;
        boolean recovered = false;
        while (System.nanoTime() < deadline && !recovered) {
            int leaders = leaders(latches);
            assertThat(leaders).as("latches that lead at once").isLessThanOrEqualTo(1);
            if (leaders == 1 && recoveredAt == 0) {
                recoveredAt = System.nanoTime();
            }
            recovered = recoveredAt != 0
                    && System.nanoTime() - recoveredAt > Duration.ofSeconds(3).toNanos();
            Thread.sleep(20);
        }
        assertThat(recovered).as("one latch leads again after the kill").isTrue();
        for (LeaderLatch latch : latches) {
            latch.close();
        }
    }

    @Test
    void interProcessMutexNeverHasTwoHoldersWhileANodeIsCutOffAndTheLeaderKilled() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger acquired = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(9).toNanos();
        for (int i = 0; i < 3; i++) {
            InterProcessMutex mutex = new InterProcessMutex(client(connectString()), "/mutex");
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (mutex.acquire(2, TimeUnit.SECONDS)) {
                            try {
                                if (holders.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                acquired.incrementAndGet();
                                Thread.sleep(5);
                                holders.decrementAndGet();
                            } finally {
                                mutex.release();
                            }
                        }
                    } catch (Exception e) {
                        holders.set(0); // a lost connection mid-hold: Curator released or will expire it
                    }
                }
            }));
        }
        Thread.sleep(2_000);
        NodeId cutOff = cluster.nodes().stream()
                .filter(id -> !id.equals(raftLeaderOrNull()))
                .findFirst()
                .orElseThrow();
        cluster.partition(List.of(
                List.of(cutOff),
                cluster.nodes().stream().filter(id -> !id.equals(cutOff)).toList()));
        Thread.sleep(2_000);
        cluster.heal();
        cluster.kill(raftLeader());
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(overlaps.get()).as("times two clients held the lock at once").isZero();
        assertThat(acquired.get()).as("acquisitions").isGreaterThan(10);
    }

    // ---- helpers ----

    private CuratorFramework client(String connectString) {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(3_000)
                .connectionTimeoutMs(3_000)
                .retryPolicy(new ExponentialBackoffRetry(50, 10))
                .build();
        client.start();
        clients.add(client);
        return client;
    }

    private String server(int index) {
        return "127.0.0.1:" + (clientPortBase + index);
    }

    private String connectString() {
        return server(0) + "," + server(1) + "," + server(2);
    }

    private static int leaders(List<LeaderLatch> latches) {
        return (int) latches.stream().filter(LeaderLatch::hasLeadership).count();
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

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (KeeperException e) {
                // retried until the deadline, as an application would
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + within);
            }
            Thread.sleep(50);
        }
    }
}
