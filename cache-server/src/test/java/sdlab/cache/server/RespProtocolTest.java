package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire protocol itself, over a raw socket: RESP3, inline commands, pipelining, limits and protocol errors. */
class RespProtocolTest {
    @TempDir
    Path dir;

    @Test
    void hello3SwitchesToResp3Types() {
        // After HELLO 3: maps for HGETALL and CONFIG GET, sets for SMEMBERS, _ for nil, = for INFO.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw()) {
            client.command("HELLO", "3");
            assertThat(client.reply()).startsWith("%[$server, $redis, $version, $7.0.0, $proto, :3");
            client.command("HSET", "h", "f", "v");
            client.command("HGETALL", "h");
            client.command("SADD", "s", "m");
            client.command("SMEMBERS", "s");
            client.command("GET", "missing");
            client.command("LPOP", "missing", "2");
            client.command("INFO", "keyspace");
            assertThat(client.reply()).isEqualTo(":1");
            assertThat(client.reply()).isEqualTo("%[$f, $v]");
            assertThat(client.reply()).isEqualTo(":1");
            assertThat(client.reply()).isEqualTo("~[$m]");
            assertThat(client.reply()).isEqualTo("_");
            assertThat(client.reply()).isEqualTo("_");
            assertThat(client.reply()).startsWith("=txt:# Keyspace");
        }
    }

    @Test
    void resp2KeepsNullBulkAndNullArrayApart() {
        // In RESP2 a missing string is $-1 and a missing array is *-1.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw()) {
            client.command("GET", "missing").command("LPOP", "missing", "2").command("HGETALL", "missing");
            assertThat(client.reply()).isEqualTo("$nil");
            assertThat(client.reply()).isEqualTo("*nil");
            assertThat(client.reply()).isEqualTo("*[]");
        }
    }

    @Test
    void inlineCommandsWorkAsFromTelnet() {
        // Lines typed by hand, with quotes and escapes, are commands too.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw()) {
            client.send("PING\r\nset k \"hello world\"\r\nGET k\r\nECHO \"a\\x41b\"\r\n\r\nget 'it\\'s'\n");
            assertThat(client.reply()).isEqualTo("+PONG");
            assertThat(client.reply()).isEqualTo("+OK");
            assertThat(client.reply()).isEqualTo("$hello world");
            assertThat(client.reply()).isEqualTo("$aAb");
            assertThat(client.reply()).isEqualTo("$nil");
        }
    }

    @Test
    void aPipelineSplitAcrossManyWritesIsAnsweredCompletely() {
        // Commands cut at every possible byte boundary still parse, and each gets exactly one reply.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw()) {
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                frames.append("*3\r\n$3\r\nSET\r\n$")
                        .append(("k" + i).length())
                        .append("\r\nk")
                        .append(i)
                        .append("\r\n$5\r\nvalue\r\n");
            }
            frames.append("*1\r\n$6\r\nDBSIZE\r\n");
            byte[] bytes = frames.toString().getBytes();
            for (int i = 0; i < bytes.length; i += 7) {
                client.send(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 7)));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(client.reply()).isEqualTo("+OK");
            }
            assertThat(client.reply()).isEqualTo(":50");
        }
    }

    @Test
    void protocolErrorsAnswerAndCloseLikeRedis() {
        // Malformed frames get Redis's "-ERR Protocol error: ..." and the connection is closed.
        String[][] cases = {
            {"*1\r\n$abc\r\n", "-ERR Protocol error: invalid bulk length"},
            {"*x\r\n", "-ERR Protocol error: invalid multibulk length"},
            {"*2\r\n+foo\r\n", "-ERR Protocol error: expected '$', got '+'"},
            {"*99999999999\r\n", "-ERR Protocol error: invalid multibulk length"},
            {"*1\r\n$999999999999\r\n", "-ERR Protocol error: invalid bulk length"},
            {"*1\r\n$-1\r\n", "-ERR Protocol error: invalid bulk length"},
            {"set \"a b\r\n", "-ERR Protocol error: unbalanced quotes in request"},
        };
        try (RunningServer node = RunningServer.start(dir)) {
            for (String[] c : cases) {
                try (RawClient client = node.raw()) {
                    client.send("PING\r\n" + c[0]);
                    assertThat(client.repliesUntilClosed()).as(c[0]).containsExactly("+PONG", c[1]);
                }
            }
        }
    }

    @Test
    void overlongHeadersAndInlineLinesAreRefused() {
        // Headers and inline commands longer than the inline limit are protocol errors, not unbounded buffers.
        try (RunningServer node = RunningServer.start(dir, b -> b.inlineBytesMax(1024))) {
            try (RawClient client = node.raw()) {
                client.send("PING " + "x".repeat(2000));
                assertThat(client.repliesUntilClosed()).containsExactly("-ERR Protocol error: too big inline request");
            }
            try (RawClient client = node.raw()) {
                client.send("*1" + "1".repeat(2000));
                assertThat(client.repliesUntilClosed())
                        .containsExactly("-ERR Protocol error: too big mbulk count string");
            }
            try (RawClient client = node.raw()) {
                client.send("*1\r\n$" + "1".repeat(2000));
                assertThat(client.repliesUntilClosed())
                        .containsExactly("-ERR Protocol error: too big bulk count string");
            }
        }
    }

    @Test
    void bulkLengthLimitIsEnforced() {
        // Bulk strings above proto-max-bulk-len are refused before any memory is spent on them.
        try (RunningServer node = RunningServer.start(dir, b -> b.bulkBytesMax(1000));
                RawClient client = node.raw()) {
            client.send("*2\r\n$4\r\nECHO\r\n$1001\r\n");
            assertThat(client.repliesUntilClosed()).containsExactly("-ERR Protocol error: invalid bulk length");
        }
    }

    @Test
    void aPasswordGuardsEverythingAndLimitsUnauthenticatedFrames() {
        // With requirepass: NOAUTH until AUTH; before AUTH, frames may not be large.
        try (RunningServer node = RunningServer.start(dir, b -> b.requirePass("secret"))) {
            try (RawClient client = node.raw()) {
                client.command("GET", "k")
                        .command("AUTH", "nope")
                        .command("AUTH", "secret")
                        .command("GET", "k");
                assertThat(client.reply()).isEqualTo("-NOAUTH Authentication required.");
                assertThat(client.reply()).isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.");
                assertThat(client.reply()).isEqualTo("+OK");
                assertThat(client.reply()).isEqualTo("$nil");
            }
            try (RawClient client = node.raw()) {
                client.send("*20\r\n");
                assertThat(client.repliesUntilClosed())
                        .containsExactly("-ERR Protocol error: unauthenticated multibulk length");
            }
            try (RawClient client = node.raw()) {
                client.send("*2\r\n$100000\r\n");
                assertThat(client.repliesUntilClosed())
                        .containsExactly("-ERR Protocol error: unauthenticated bulk length");
            }
            try (var jedis = node.jedis()) {
                jedis.auth("secret");
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void clientsBeyondMaxclientsAreTurnedAway() {
        // The (maxclients+1)th connection is told so and closed; the others keep working.
        try (RunningServer node = RunningServer.start(dir, b -> b.clientsMax(2));
                RawClient first = node.raw();
                RawClient second = node.raw()) {
            first.command("PING");
            second.command("PING");
            assertThat(first.reply()).isEqualTo("+PONG");
            assertThat(second.reply()).isEqualTo("+PONG");
            try (RawClient third = node.raw()) {
                assertThat(third.repliesUntilClosed()).containsExactly("-ERR max number of clients reached");
            }
            first.command("PING");
            assertThat(first.reply()).isEqualTo("+PONG");
        }
    }

    @Test
    void aClientThatDoesNotReadItsRepliesIsDisconnected() {
        // Output buffers are bounded: a client that pipelines without reading is cut off, others are not.
        try (RunningServer node = RunningServer.start(dir, b -> b.outputBufferBytesMax(256 * 1024));
                RawClient greedy = node.raw();
                RawClient polite = node.raw()) {
            greedy.command("SET", "big", "x".repeat(100_000));
            greedy.reply();
            List<String> gets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                gets.add("*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n");
            }
            greedy.timeoutMillis(20_000);
            try {
                for (int round = 0; round < 20; round++) {
                    greedy.send(String.join("", gets));
                }
            } catch (java.io.UncheckedIOException closed) {
                // the server may close while we are still sending: that is the point
            }
            polite.command("PING");
            assertThat(polite.reply()).isEqualTo("+PONG");
            assertThat(greedy.drainUntilClosed()).isTrue();
        }
    }

    @Test
    void quitAnswersOkAndCloses() {
        // QUIT: +OK, then the server hangs up.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw()) {
            client.send("QUIT\r\nPING\r\n");
            assertThat(client.repliesUntilClosed()).containsExactly("+OK");
        }
    }
}
