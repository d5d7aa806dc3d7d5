package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.KillSession;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the unmodified ZooKeeper client and Curator's recipes must see from any 3-server
 * ZooKeeper ensemble while its leader is killed, a follower is cut off and a client's session
 * expires: writes made through one server are seen through another after sync, exactly one
 * LeaderLatch leads at a time and one leads again, and InterProcessMutex never has two holders.
 * Run against sdlab's cluster and against Apache ZooKeeper as the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CuratorUnderFaultsContract {
    private final List<CuratorFramework> clients = new ArrayList<>();

    /** The address of server {@code index} (0, 1 or 2). */
    abstract String server(int index);

    /** Kills the ensemble's leader (as SIGKILL would). */
    abstract void killLeader() throws Exception;

    /** Cuts a follower off from the other servers (or, where that cannot be done, stops it). */
    abstract void cutOffFollower() throws Exception;

    /** Undoes {@link #cutOffFollower}. */
    abstract void reconnectFollower() throws Exception;

    /** Brings every server back and heals the network, after each test. */
    abstract void repairEnsemble() throws Exception;

    @AfterEach
    void repair() throws Exception {
        clients.forEach(CuratorFramework::close);
        clients.clear();
        repairEnsemble();
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
        killLeader();
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
        // On a loaded machine 9 s may hold few turns: the workers go on until the lock has changed
        // hands enough to mean something, within a minute (what is asserted is never two holders).
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < 3; i++) {
            InterProcessMutex mutex = new InterProcessMutex(client(connectString()), "/mutex");
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end || (acquired.get() <= 10 && System.nanoTime() < giveUp)) {
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
        cutOffFollower();
        Thread.sleep(2_000);
        reconnectFollower();
        killLeader();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(overlaps.get()).as("times two clients held the lock at once").isZero();
        assertThat(acquired.get()).as("acquisitions").isGreaterThan(10);
    }

    @Test
    void aLeaderLatchWhoseSessionExpiresGivesUpLeadershipAndItsNodeNeverLeadsAgain() throws Exception {
        List<CuratorFramework> latchClients = new ArrayList<>();
        List<LeaderLatch> latches = new ArrayList<>();
        GaveUp gaveUp = new GaveUp();
        for (int i = 0; i < 3; i++) {
            CuratorFramework client = client(connectString());
            LeaderLatch latch = new LeaderLatch(client, "/expiring-latch", "p" + i);
            latch.addListener(gaveUp);
            latch.start();
            latchClients.add(client);
            latches.add(latch);
        }
        awaitTrue(Duration.ofSeconds(40), () -> leaders(latches) == 1);
        int first = latches.indexOf(
                latches.stream().filter(LeaderLatch::hasLeadership).findFirst().orElseThrow());
        String expiredNode = latches.get(first).getOurPath();
        KillSession.kill(latchClients.get(first).getZookeeperClient().getZooKeeper());
        // Usually another latch takes over. On a loaded machine the others' sessions may expire
        // too, and then the first latch's new node can be first in line again: that is a fair
        // win. What must never lead is the node of the expired session.
        // Bounds on waiting, not on speed: on a loaded CI machine sessions expire and reconnect for a while.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean ledAfresh = false;
        while (System.nanoTime() < deadline && !ledAfresh) {
            ledAfresh = leaders(latches) == 1
                    && !(latches.get(first).hasLeadership()
                            && expiredNode.equals(latches.get(first).getOurPath()));
            Thread.sleep(20);
        }
        assertThat(ledAfresh)
                .as(() -> "one latch leads, by a node other than the expired session's (" + expiredNode + "); "
                        + latchState(latchClients, latches, "/expiring-latch"))
                .isTrue();
        // Not asserted: that no two latches ever believed they led at once. ZooKeeper makes no
        // such promise. The server deletes the expired session's node and wakes the next latch
        // while the old client may not yet know its session is gone; real ZooKeeper 3.9 showed
        // two at once under a loaded CI run. That window is why fenced storage takes a token.
        // The listener runs after hasLeadership() turns false, so it is awaited, not read.
        awaitTrue(Duration.ofSeconds(10), () -> gaveUp.count() >= 1);
        for (LeaderLatch latch : latches) {
            latch.close();
        }
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

    /** What an ensemble can say about itself when a check fails (its servers' recent log lines). */
    String describeEnsemble() {
        return "";
    }

    /** Each latch's view and the latch's znodes with their owners: what a failure report needs. */
    private String latchState(List<CuratorFramework> latchClients, List<LeaderLatch> latches, String path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < latches.size(); i++) {
            LeaderLatch latch = latches.get(i);
            text.append(String.format(
                    "%n  latch p%d: leads %s, node %s, session 0x%s",
                    i, latch.hasLeadership(), latch.getOurPath(), sessionOf(latchClients.get(i))));
        }
        try {
            CuratorFramework observer = client(connectString());
            observer.sync().forPath(path);
            for (String child : observer.getChildren().forPath(path)) {
                Stat stat = observer.checkExists().forPath(path + "/" + child);
                long owner = stat == null ? 0 : stat.getEphemeralOwner();
                text.append(String.format("%n  znode %s owned by 0x%s", child, Long.toHexString(owner)));
            }
        } catch (Exception e) {
            text.append("%n  the latch's znodes could not be read: ".formatted())
                    .append(e);
        }
        return text.append(describeEnsemble()).toString();
    }

    private static String sessionOf(CuratorFramework client) {
        try {
            return Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId());
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    String connectString() {
        return server(0) + "," + server(1) + "," + server(2);
    }

    /** Counts the times a latch was told it no longer leads. */
    private static final class GaveUp implements LeaderLatchListener {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void isLeader() {}

        @Override
        public void notLeader() {
            count.incrementAndGet();
        }

        int count() {
            return count.get();
        }
    }

    private static int leaders(List<LeaderLatch> latches) {
        return (int) latches.stream().filter(LeaderLatch::hasLeadership).count();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Duration within, Check check) throws Exception {
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
