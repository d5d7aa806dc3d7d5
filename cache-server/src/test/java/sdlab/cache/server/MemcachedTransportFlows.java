package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The memcached port's everyday flows over one socket implementation: a subclass per {@link
 * Transport} names it, and skips itself where the machine cannot run it. What a transport can get
 * wrong is the byte stream (a receive dropped, two replies sent out of order, a write cut short),
 * so every flow checks each reply in order, and the biggest pipelines are sent in one write.
 */
abstract class MemcachedTransportFlows {
    /** Keys in the pipelined and multi-key flows: far more replies than one receive or send carries. */
    private static final int KEYS = 1_000;

    private static final int VALUE_BYTES_LARGE = 1024 * 1024;

    private RunningServer node;

    /** The transport under test. */
    abstract Transport transport();

    private RawClient client() throws Exception {
        if (node == null) {
            Path dir = Files.createTempDirectory("sdlab-memcached-" + transport());
            // Memory is split among the store's lock stripes, so a 1 MB item needs more than the default 64 MB.
            node = RunningServer.start(dir, b -> b.memcachedPort(0)
                    .memcachedMemoryBytes(256L * 1024 * 1024)
                    .memcachedItemBytesMax(2 * VALUE_BYTES_LARGE)
                    .transport(transport().optionName()));
        }
        return new RawClient(node.server.memcachedPort());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void thePortRunsOnTheTransportAskedFor() throws Exception {
        // An explicit choice is honoured, never silently replaced by another transport.
        try (RawClient c = client()) {
            assertThat(node.server.memcachedTransport()).contains(transport());
            c.send("version\r\n");
            assertThat(c.line()).startsWith("VERSION ");
        }
    }

    @Test
    void setThenGet() throws Exception {
        // The smallest round trip: one store, one read, one miss.
        try (RawClient c = client()) {
            c.send("set greeting 7 0 5\r\nhello\r\n");
            assertThat(c.line()).isEqualTo("STORED");
            c.send("get greeting missing\r\n");
            assertThat(lines(c, 3)).containsExactly("VALUE greeting 7 5", "hello", "END");
        }
    }

    @Test
    void pipelinedGetsOfAThousandKeysInOneWriteAnswerEveryKeyInOrder() throws Exception {
        // 1,000 stores, then 1,000 gets, each batch in one write: every reply arrives, in the order asked.
        // A transport that dropped, duplicated or reordered a receive or a send fails here.
        try (RawClient c = client()) {
            StringBuilder sets = new StringBuilder();
            for (int i = 0; i < KEYS; i++) {
                String value = valueOf(i);
                sets.append("set key:")
                        .append(i)
                        .append(" 0 0 ")
                        .append(value.length())
                        .append("\r\n");
                sets.append(value).append("\r\n");
            }
            c.send(sets.toString());
            for (int i = 0; i < KEYS; i++) {
                assertThat(c.line()).as("reply to set %d", i).isEqualTo("STORED");
            }
            StringBuilder gets = new StringBuilder();
            for (int i = KEYS - 1; i >= 0; i--) { // asked in the reverse of the stored order
                gets.append("get key:").append(i).append("\r\n");
            }
            c.send(gets.toString());
            for (int i = KEYS - 1; i >= 0; i--) {
                String value = valueOf(i);
                assertThat(lines(c, 3))
                        .as("reply to get %d", i)
                        .containsExactly("VALUE key:" + i + " 0 " + value.length(), value, "END");
            }
        }
    }

    @Test
    void oneGetOfAThousandKeysAnswersThemInTheLineOrder() throws Exception {
        // A multi-get's reply is larger than a socket send takes at once; it still comes whole and in order.
        try (RawClient c = client()) {
            StringBuilder sets = new StringBuilder();
            StringBuilder get = new StringBuilder("get");
            for (int i = 0; i < KEYS; i++) {
                String value = valueOf(i);
                sets.append("set multi:")
                        .append(i)
                        .append(" 3 0 ")
                        .append(value.length())
                        .append(" noreply\r\n");
                sets.append(value).append("\r\n");
                get.append(" multi:").append(i);
            }
            c.send(sets.append(get).append("\r\n").toString());
            for (int i = 0; i < KEYS; i++) {
                String value = valueOf(i);
                assertThat(lines(c, 2)).containsExactly("VALUE multi:" + i + " 3 " + value.length(), value);
            }
            assertThat(c.line()).isEqualTo("END");
        }
    }

    @Test
    void aOneMegabyteValueGoesInAndComesBackWhole() throws Exception {
        // A value far larger than one receive buffer is assembled across reads and sent back across writes.
        byte[] value = new byte[VALUE_BYTES_LARGE];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('a' + (i * 7919L) % 26);
        }
        try (RawClient c = client()) {
            c.send("set big 0 0 " + value.length + "\r\n");
            c.send(value);
            c.send("\r\nget big\r\n");
            assertThat(c.line()).isEqualTo("STORED");
            assertThat(c.line()).isEqualTo("VALUE big 0 " + value.length);
            assertThat(c.line()).isEqualTo(new String(value, StandardCharsets.ISO_8859_1));
            assertThat(c.line()).isEqualTo("END");
        }
    }

    @Test
    void mixedCommandsInOneWriteAnswerInTheirOrder() throws Exception {
        // Stores, counters, deletes and reads pipelined in one write: one reply each, in the order sent.
        try (RawClient c = client()) {
            c.send("set n 0 0 2\r\n10\r\nincr n 5\r\nget n\r\ndelete n\r\nget n\r\nadd n 0 0 1\r\nx\r\n"
                    + "append n 0 0 1\r\ny\r\ngets nope\r\nget n\r\n");
            assertThat(lines(c, 11))
                    .containsExactly(
                            "STORED",
                            "15",
                            "VALUE n 0 2",
                            "15",
                            "END",
                            "DELETED",
                            "END",
                            "STORED",
                            "STORED",
                            "END",
                            "VALUE n 0 2");
            assertThat(lines(c, 2)).containsExactly("xy", "END");
        }
    }

    /** A value that names its key's index, of a length that varies with it. */
    private static String valueOf(int i) {
        return "v" + i + "-" + "z".repeat(i % 50);
    }

    private static List<String> lines(RawClient c, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(c.line());
        }
        return lines;
    }
}
