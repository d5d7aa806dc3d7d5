package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Curator 5.9's recipes, unmodified, against a standalone coord node. */
class CuratorRecipesTest {
    private CoordServer server;
    private CuratorFramework first;
    private CuratorFramework second;

    @BeforeEach
    void start() throws Exception {
        server = new CoordServer("127.0.0.1", 0, 2_000).start();
        first = client();
        second = client();
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString("127.0.0.1:" + server.port())
                .sessionTimeoutMs(4_000)
                .connectionTimeoutMs(4_000)
                .retryPolicy(new RetryOneTime(100))
                .build();
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    @AfterEach
    void stop() {
        second.close();
        first.close();
        server.close();
    }

    @Test
    void aMutexHeldByOneClientKeepsTheOtherOutUntilReleased() throws Exception {
        InterProcessMutex mine = new InterProcessMutex(first, "/locks/a");
        InterProcessMutex theirs = new InterProcessMutex(second, "/locks/a");
        assertThat(mine.acquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(theirs.acquire(300, TimeUnit.MILLISECONDS)).isFalse();
        mine.release();
        assertThat(theirs.acquire(5, TimeUnit.SECONDS)).isTrue();
        theirs.release();
    }

    @Test
    void leadershipPassesToTheOtherLatchWhenTheLeaderCloses() throws Exception {
        LeaderLatch one = new LeaderLatch(first, "/election", "one");
        LeaderLatch two = new LeaderLatch(second, "/election", "two");
        one.start();
        assertThat(one.await(10, TimeUnit.SECONDS)).isTrue();
        two.start();
        assertThat(two.await(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(two.getLeader().getId()).isEqualTo("one");
        one.close();
        assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        two.close();
    }

    @Test
    void aLeaderSelectorRunsOneLeaderAtATimeAndRequeues() throws Exception {
        AtomicInteger leading = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch turns = new CountDownLatch(4);
        LeaderSelectorListenerAdapter listener = new LeaderSelectorListenerAdapter() {
            @Override
            public void takeLeadership(CuratorFramework client) throws Exception {
                if (leading.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.sleep(50);
                leading.decrementAndGet();
                turns.countDown();
            }
        };
        LeaderSelector one = new LeaderSelector(first, "/selector", listener);
        LeaderSelector two = new LeaderSelector(second, "/selector", listener);
        one.autoRequeue();
        two.autoRequeue();
        one.start();
        two.start();
        assertThat(turns.await(10, TimeUnit.SECONDS))
                .as("four terms of leadership")
                .isTrue();
        one.close();
        two.close();
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void aSemaphoreGivesOutNoMoreLeasesThanItHas() throws Exception {
        InterProcessSemaphoreV2 mine = new InterProcessSemaphoreV2(first, "/semaphore", 2);
        InterProcessSemaphoreV2 theirs = new InterProcessSemaphoreV2(second, "/semaphore", 2);
        var two = mine.acquire(2, 5, TimeUnit.SECONDS);
        assertThat(two).hasSize(2);
        assertThat(theirs.acquire(300, TimeUnit.MILLISECONDS))
                .as("a third lease")
                .isNull();
        mine.returnAll(two);
        var lease = theirs.acquire(5, TimeUnit.SECONDS);
        assertThat(lease).isNotNull();
        theirs.returnLease(lease);
    }

    @Test
    void aDistributedAtomicLongCountsEveryIncrementOfTwoClients() throws Exception {
        DistributedAtomicLong mine = new DistributedAtomicLong(first, "/counter", new RetryOneTime(10));
        DistributedAtomicLong theirs = new DistributedAtomicLong(second, "/counter", new RetryNTimes(50, 5));
        int done = 0;
        for (int i = 0; i < 20; i++) {
            done += mine.increment().succeeded() ? 1 : 0;
            done += theirs.increment().succeeded() ? 1 : 0;
        }
        assertThat(theirs.get().postValue()).isEqualTo(done);
        assertThat(done).isGreaterThan(0);
    }

    @Test
    void aCuratorCacheSeesCreatesChangesAndDeletesMadeByAnotherClient() throws Exception {
        // Each change waits until the cache has reported the one before: a watch fires once and the cache then reads
        // the node again, so a create, a change and a delete made faster than that read are seen as less (ZooKeeper
        // gives the same, and a loaded machine made this test see only the parent's creation).
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        second.create().forPath("/cached");
        CuratorCache cache = CuratorCache.build(first, "/cached");
        cache.listenable()
                .addListener(
                        (type, before, after) -> seen.add(type + " " + (after != null ? after : before).getPath()));
        cache.start();
        List<String> events = new ArrayList<>();
        awaitEvent(seen, events, "NODE_CREATED /cached");
        second.create().forPath("/cached/a", new byte[] {1});
        awaitEvent(seen, events, "NODE_CREATED /cached/a");
        second.setData().forPath("/cached/a", new byte[] {2});
        awaitEvent(seen, events, "NODE_CHANGED /cached/a");
        second.delete().forPath("/cached/a");
        awaitEvent(seen, events, "NODE_DELETED /cached/a");
        cache.close();
        assertThat(events)
                .containsSubsequence("NODE_CREATED /cached/a", "NODE_CHANGED /cached/a", "NODE_DELETED /cached/a");
    }

    private static void awaitEvent(BlockingQueue<String> seen, List<String> events, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!events.contains(expected) && System.nanoTime() < deadline) {
            String event = seen.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                events.add(event);
            }
        }
        assertThat(events).as("events seen by the cache").contains(expected);
    }
}
