package sdlab.shard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The door answers the commands it shares with Redis as a real redis-server does, error texts included: the same
 * command goes to both and the replies must be equal. Skipped, with a message, where redis-server is not installed.
 */
class RedisErrorTextsTest {
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private static Process redis;
    private static int redisPort;
    private static EventLoopGroup group;
    private static ShardRespDoor door;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(REDIS_SERVER)) {
            return;
        }
        redisPort = freePort();
        redis = new ProcessBuilder(
                        REDIS_SERVER.toString(),
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        waitForRedis();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        door = ShardRespDoor.open(group, "127.0.0.1", 0, new InMemoryShards(), "n1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (door != null) {
            door.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    static List<List<String>> sharedCommands() {
        return List.of(
                List.of("PING"),
                List.of("PING", "hello"),
                List.of("PING", "a", "b"),
                List.of("ECHO"),
                List.of("ECHO", "hi"),
                List.of("GET"),
                List.of("GET", "a", "b"),
                List.of("GET", "never-set"),
                List.of("SET", "k"),
                List.of("SET", "k", "12"),
                List.of("MGET"),
                List.of("MSET", "a"),
                List.of("MSET", "a", "1", "b"),
                List.of("MSET", "a", "1", "b", "2"),
                List.of("MGET", "a", "never-set", "b"),
                List.of("EXISTS"),
                List.of("EXISTS", "a", "a", "never-set"),
                List.of("DEL"),
                List.of("SET", "gone", "1"),
                List.of("DEL", "gone", "never-set"),
                List.of("GET", "gone"),
                List.of("SELECT", "x"),
                List.of("SELECT", "0"),
                List.of("COMMAND", "FOO"),
                List.of("FOO"),
                List.of("FOO", "bar", "baz"),
                List.of("foo", "a".repeat(100), "b".repeat(100), "c"),
                List.of("x".repeat(200)));
    }

    @ParameterizedTest
    @MethodSource("sharedCommands")
    void theDoorAnswersAsRedisDoes(List<String> command) throws Exception {
        assumeTrue(redis != null, "redis-server is not installed at " + REDIS_SERVER + ": nothing to compare with");
        String[] words = command.toArray(String[]::new);
        try (RespSocket toRedis = new RespSocket(redisPort);
                RespSocket toDoor = new RespSocket(door.port())) {
            assertThat(toDoor.call(words)).isEqualTo(toRedis.call(words));
        }
    }

    @Test
    void brokenFramesGetRedisProtocolErrors() throws Exception {
        assumeTrue(redis != null, "redis-server is not installed at " + REDIS_SERVER + ": nothing to compare with");
        for (String frame : List.of("*x\r\n", "*1\r\n+GET\r\n", "*1\r\n$-3\r\n", "*1\r\n$abc\r\n")) {
            try (RespSocket toRedis = new RespSocket(redisPort);
                    RespSocket toDoor = new RespSocket(door.port())) {
                toRedis.raw(frame);
                toDoor.raw(frame);
                assertThat(toDoor.read()).as(frame).isEqualTo(toRedis.read());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForRedis() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (RespSocket probe = new RespSocket(redisPort)) {
                if ("PONG".equals(probe.call("PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "redis-server did not answer on port " + redisPort + " within 30 s");
                }
                Thread.sleep(50);
            }
        }
    }
}
