package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
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
}
