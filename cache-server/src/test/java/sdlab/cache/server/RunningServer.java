package sdlab.cache.server;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import redis.clients.jedis.Jedis;

/** A cache node started in-process on free ports in a test directory; stop it with {@link #close()}. */
final class RunningServer implements AutoCloseable {
    final CacheServer server;
    final Path dir;

    private RunningServer(CacheServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Starts a node with persistence off unless {@code customize} turns it on. */
    static RunningServer start(Path dir, UnaryOperator<CacheServerConfig.Builder> customize) {
        return start(dir, NodeFiles.OS, customize);
    }

    /** Starts a node whose durable files go through {@code files} (a power-loss layer, say). */
    static RunningServer start(Path dir, NodeFiles files, UnaryOperator<CacheServerConfig.Builder> customize) {
        CacheServerConfig.Builder builder = CacheServerConfig.builder()
                .port(0)
                .dir(dir)
                .savePoints(java.util.List.of())
                .memcachedThreads(2);
        CacheServer server = new CacheServer(customize.apply(builder).build(), files).start();
        return new RunningServer(server, dir);
    }

    static RunningServer start(Path dir) {
        return start(dir, b -> b);
    }

    int port() {
        return server.port();
    }

    Jedis jedis() {
        return new Jedis("127.0.0.1", port(), 5_000);
    }

    RawClient raw() {
        return new RawClient(port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
