package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RMap;
import org.redisson.api.RQueue;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson, unchanged, against the node: its lock is Lua scripts plus a pub/sub channel that
 * wakes waiters, its map and queue plain commands. What its users write, nothing more.
 */
class RedissonTest {
    @TempDir
    Path dir;

    private static RedissonClient connect(int port) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://127.0.0.1:" + port)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(4)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(2)
                .setTimeout(5_000);
        return Redisson.create(config);
    }

    @Test
    void aLockAMapAndAQueueWorkAsRedissonUsersExpect() throws Exception {
        // RLock: a second thread cannot take it until the first unlocks, then it can.
        try (RunningServer node = RunningServer.start(dir)) {
            RedissonClient redisson = connect(node.port());
            try {
                RLock lock = redisson.getLock("resource");
                lock.lock(10, TimeUnit.SECONDS);
                assertThat(lock.isLocked()).isTrue();
                boolean[] otherGotIt = {true};
                Thread other = Thread.ofPlatform()
                        .start(() ->
                                otherGotIt[0] = redisson.getLock("resource").tryLock());
                other.join(5_000);
                assertThat(otherGotIt[0]).isFalse();
                lock.unlock();
                assertThat(lock.isLocked()).isFalse();
                Thread again = Thread.ofPlatform().start(() -> {
                    RLock second = redisson.getLock("resource");
                    otherGotIt[0] = second.tryLock();
                    if (otherGotIt[0]) {
                        second.unlock();
                    }
                });
                again.join(5_000);
                assertThat(otherGotIt[0]).isTrue();

                RMap<String, String> map = redisson.getMap("settings");
                map.put("colour", "blue");
                assertThat(map.putIfAbsent("colour", "red")).isEqualTo("blue");
                assertThat(map.get("colour")).isEqualTo("blue");
                assertThat(map.size()).isEqualTo(1);

                RQueue<String> queue = redisson.getQueue("jobs");
                queue.offer("first");
                queue.offer("second");
                assertThat(queue.poll()).isEqualTo("first");
                assertThat(queue.size()).isEqualTo(1);
            } finally {
                redisson.shutdown();
            }
        }
    }
}
