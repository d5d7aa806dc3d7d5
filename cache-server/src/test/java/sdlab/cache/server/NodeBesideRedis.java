package sdlab.cache.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For differential tests: the node and a real redis-server 7.0 side by side, started once per
 * test class and stopped after it; the tests are skipped, saying so, where redis-server is missing.
 */
abstract class NodeBesideRedis {
    @TempDir
    static Path dir;

    static RunningServer node;
    static RealRedis redis;

    @BeforeAll
    static void startBoth() throws Exception {
        ExternalTool.assumeInstalled("redis-server", "redis-server");
        redis = RealRedis.start(dir);
        node = RunningServer.start(dir);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (node != null) {
            node.close();
            node = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
