package sdlab.shard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.shard.server.RespSocket.Err;

/**
 * The door over raw sockets, with an in-memory stand-in for its routers: what each command answers, in Redis's own
 * words where Redis has them, and how the door copes with what clients send: pipelines, inline commands, broken
 * frames, bulks bigger than a line may be, and clients that vanish mid-frame.
 */
class ShardRespDoorTest {
    private EventLoopGroup group;
    private InMemoryShards shards;
    private ShardRespDoor door;

    @BeforeEach
    void open() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        shards = new InMemoryShards();
        door = ShardRespDoor.open(group, "127.0.0.1", 0, shards, "n1");
    }

    @AfterEach
    void close() {
        door.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void readsAndWritesAreTheRoutersOperations() throws Exception {
        try (RespSocket client = client()) {
            assertThat(client.call("PING")).isEqualTo("PONG");
            assertThat(client.call("SET", "user:1", "100")).isEqualTo("OK");
            assertThat(client.call("GET", "user:1")).isEqualTo("100");
            assertThat(client.call("GET", "absent")).isNull();
            assertThat(client.call("MSET", "a", "1", "b", "-2", "c", "3")).isEqualTo("OK");
            assertThat(client.call("MGET", "a", "b", "absent", "c")).isEqualTo(listOf("1", "-2", null, "3"));
            assertThat(client.call("EXISTS", "a", "absent", "a")).isEqualTo(2L);
            assertThat(client.call("SHARDS.RANGE", "a", "c")).isEqualTo(List.of("a", "1", "b", "-2"));
            assertThat(client.call("DEL", "a", "absent", "c")).isEqualTo(2L);
            assertThat(client.call("MGET", "a", "b", "c")).isEqualTo(listOf(null, "-2", null));
            assertThat(client.call("shards.range", "x", "z")).isEqualTo(List.of());
        }
    }

    @Test
    void anMgetHasAllItsKeysInFlightAtOnce() throws Exception {
        // Shows: MGET scatters, it does not ask key by key: all three gets are open before any is answered.
        try (RespSocket client = client()) {
            client.call("MSET", "a", "1", "b", "2", "c", "3");
            shards.hold();
            client.send("MGET", "a", "b", "c");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (shards.heldCount() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            assertThat(shards.release()).isEqualTo(3);
            assertThat(client.read()).isEqualTo(List.of("1", "2", "3"));
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInTheOrderSent() throws Exception {
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            pipeline.append(RespSocket.encode("SET", "k" + i, Integer.toString(i)))
                    .append(RespSocket.encode("GET", "k" + i));
        }
        try (RespSocket client = client()) {
            client.raw(pipeline.toString());
            for (int i = 0; i < 200; i++) {
                assertThat(client.read()).isEqualTo("OK");
                assertThat(client.read()).isEqualTo(Integer.toString(i));
            }
        }
    }

    @Test
    void inlineCommandsWorkAsTypedIntoTelnet() throws Exception {
        try (RespSocket client = client()) {
            client.raw("PING\r\nSET k 5\r\n\r\nGET k\nECHO hello\r\n");

            assertThat(List.of(client.read(), client.read(), client.read(), client.read()))
                    .containsExactly("PONG", "OK", "5", "hello");
        }
    }

    static List<Arguments> brokenFrames() {
        return List.of(
                Arguments.of("*x\r\n", "invalid multibulk length"),
                Arguments.of("*1\r\n+GET\r\n", "expected '$', got '+'"),
                Arguments.of("*1\r\n$-3\r\n", "invalid bulk length"),
                Arguments.of("*2\r\n$3\r\nGET\r\n$1\r\nkk\r\n", "a bulk string of 1 bytes must end with CR LF"),
                Arguments.of("*1\r\n$2000000\r\n", "bulk length 2000000 above this door's limit of 1048576 bytes"));
    }

    @ParameterizedTest
    @MethodSource("brokenFrames")
    void aBrokenFrameIsAnsweredWithAProtocolErrorAfterTheCommandsBeforeItThenTheConnectionCloses(
            String frame, String reason) throws Exception {
        try (RespSocket client = client()) {
            client.raw("PING\r\n" + frame + "PING\r\n");

            assertThat(client.read()).isEqualTo("PONG");
            assertThat(client.read()).isEqualTo(new Err("ERR Protocol error: " + reason));
            assertThat(client.closedByServer()).isTrue();
        }
        try (RespSocket next = client()) {
            assertThat(next.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void aBulkLargerThanALineMayBeIsReadWholeAcrossManyPackets() throws Exception {
        String big = "x".repeat(100 * 1024); // above the 64 KiB of a line, so the bulk is not read as one
        try (RespSocket client = client()) {
            assertThat(client.call("ECHO", big)).isEqualTo(big);
            assertThat(client.call("SET", big, "1"))
                    .isEqualTo(new Err("ERR keys here are at most 1024 bytes, this one has 102400: a shard hands the"
                            + " keys it gives up to their new owner in one bounded message"));
            assertThat(client.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void aClientThatDisconnectsMidFrameLeavesNothingBehind() throws Exception {
        try (RespSocket leaving = client()) {
            leaving.raw("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n4");
        }
        try (RespSocket client = client()) {
            assertThat(client.call("PING")).isEqualTo("PONG");
            assertThat(client.call("GET", "k")).isNull();
        }
    }

    @Test
    void unknownCommandsAndWrongAritiesGetRedisOwnWords() throws Exception {
        try (RespSocket client = client()) {
            assertThat(client.call("FLUSHALL", "ASYNC"))
                    .isEqualTo(new Err("ERR unknown command 'FLUSHALL', with args beginning with: 'ASYNC' "));
            assertThat(client.call("GET")).isEqualTo(new Err("ERR wrong number of arguments for 'get' command"));
            assertThat(client.call("set", "k")).isEqualTo(new Err("ERR wrong number of arguments for 'set' command"));
            assertThat(client.call("MSET", "a", "1", "b"))
                    .isEqualTo(new Err("ERR wrong number of arguments for 'mset' command"));
            assertThat(client.call("PING", "a", "b"))
                    .isEqualTo(new Err("ERR wrong number of arguments for 'ping' command"));
            assertThat(client.call("SHARDS.WHERE"))
                    .isEqualTo(new Err("ERR wrong number of arguments for 'shards.where' command"));
        }
    }

    @Test
    void whatTheStoreCannotDoIsRefusedWithItsReason() throws Exception {
        try (RespSocket client = client()) {
            assertThat(client.call("SET", "k", "seven"))
                    .isEqualTo(new Err(
                            "ERR the sharded store keeps 64-bit whole numbers written as such (no leading zero or plus"
                                    + " sign), and 'seven' is not one"));
            assertThat(text(client.call("SET", "k", "1", "EX", "10"))).startsWith("ERR SET options");
            assertThat(text(client.call("INCR", "k"))).contains("no atomic read-modify-write");
            assertThat(text(client.call("INCRBY", "k", "5"))).startsWith("ERR INCRBY is not supported");
            assertThat(client.call("MSET", "a", "1", "b", "two"))
                    .isEqualTo(new Err(
                            "ERR the sharded store keeps 64-bit whole numbers written as such (no leading zero or plus"
                                    + " sign), and 'two' is not one"));
            assertThat(client.call("GET", "a")).as("a bad MSET writes nothing").isNull();
            // A number spelled otherwise than the store would spell it back is refused: GET must return what SET wrote
            // (this door once took 07 and read back 7).
            for (String spelling : new String[] {"07", "+7", "-0", " 7"}) {
                assertThat(text(client.call("SET", "n", spelling))).as(spelling).contains("is not one");
            }
            assertThat(client.call("SET", "n", "-12")).isEqualTo("OK");
            assertThat(client.call("GET", "n")).isEqualTo("-12");
            assertThat(client.call("SELECT", "1")).isEqualTo(new Err("ERR DB index is out of range"));
            assertThat(client.call("SELECT", "0")).isEqualTo("OK");
        }
    }

    @Test
    void anMsetThatFailsOnOneShardSaysWhichKeysWereWritten() throws Exception {
        shards.failOn("b");
        try (RespSocket client = client()) {
            assertThat(client.call("MSET", "a", "1", "b", "2"))
                    .isEqualTo(new Err("ERR MSET is not atomic across shards: 1 keys written, certainly not written"
                            + " [b], perhaps written []"));
            assertThat(client.call("GET", "a")).isEqualTo("1");
            assertThat(text(client.call("MGET", "a", "b"))).startsWith("ERR failed, certainly not applied");
        }
    }

    @Test
    void whereAndInfoShowTheRoutersCachedTable() throws Exception {
        try (RespSocket client = client()) {
            String owner = InMemoryShards.TABLE.partitioner().ownerOf("user:1").name();

            assertThat(client.call("SHARDS.WHERE", "user:1")).isEqualTo(List.of(owner, 0L));
            assertThat(text(client.call("INFO", "sharding")))
                    .startsWith("# Sharding\r\n")
                    .contains("epoch:0\r\n", "shards:3\r\n", "shard_nodes:n2,n3,n4\r\n", "router_epochs:0,0\r\n");
            assertThat(text(client.call("INFO"))).contains("# Server\r\n", "door_node:n1\r\n", "# Sharding\r\n");
        }
    }

    @Test
    void commandGivesRedisCliTheMinimalAnswersItAsksFor() throws Exception {
        try (RespSocket client = client()) {
            assertThat(client.call("COMMAND", "DOCS")).isEqualTo(List.of());
            assertThat(client.call("COMMAND")).isEqualTo(List.of());
            assertThat(client.call("COMMAND", "COUNT")).isEqualTo((long) DoorCommand.values().length);
            assertThat(client.call("COMMAND", "FOO"))
                    .isEqualTo(new Err("ERR unknown subcommand 'FOO'. Try COMMAND HELP."));
        }
    }

    @Test
    void quitAnswersOkAndCloses() throws Exception {
        try (RespSocket client = client()) {
            client.raw(RespSocket.encode("QUIT") + RespSocket.encode("PING"));

            assertThat(client.read()).isEqualTo("OK");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    private RespSocket client() throws Exception {
        return new RespSocket(door.port());
    }

    private static String text(Object reply) {
        return reply instanceof Err err ? err.text() : String.valueOf(reply);
    }

    private static List<Object> listOf(Object... items) {
        List<Object> list = new ArrayList<>();
        for (Object item : items) {
            list.add(item);
        }
        return list;
    }
}
