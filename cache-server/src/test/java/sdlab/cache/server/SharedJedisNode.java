package sdlab.cache.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * One node and one Jedis connection for a whole test class, emptied before each test: the
 * set-up of the tests that drive commands as an application would.
 */
abstract class SharedJedisNode {
    @TempDir
    static Path dir;

    static RunningServer node;
    static Jedis jedis;

    @BeforeAll
    static void start() {
        node = RunningServer.start(dir);
        jedis = node.jedis();
    }

    @AfterAll
    static void stop() {
        jedis.close();
        node.close();
    }

    @BeforeEach
    void empty() {
        jedis.flushAll();
    }
}
