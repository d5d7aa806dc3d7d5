package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random and mutated frames, from a seed, against both front doors. For every frame the server
 * must answer with well-formed replies (an error where the frame is bad) and end the exchange
 * without hanging; between frames another client must still be served. A failing seed replays
 * with {@code -Dtest=ParserFuzzTest}: the seed is in the test's name.
 */
class ParserFuzzTest {
    private static final int FRAMES_PER_SEED = 60;
    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final String[][] RESP_CORPUS = {
        {"SET", "key", "value"},
        {"GET", "key"},
        {"SET", "k", "v", "EX", "100", "NX"},
        {"MGET", "a", "b", "key"},
        {"LPUSH", "list", "a", "b"},
        {"LRANGE", "list", "0", "-1"},
        {"LPOS", "list", "a", "RANK", "-1", "COUNT", "0", "MAXLEN", "9"},
        {"LINSERT", "list", "BEFORE", "a", "z"},
        {"LSET", "list", "0", "x"},
        {"LREM", "list", "0", "b"},
        {"LTRIM", "list", "0", "5"},
        {"LMOVE", "list", "other", "LEFT", "RIGHT"},
        {"RPOPLPUSH", "other", "list"},
        {"LMPOP", "2", "list", "other", "LEFT", "COUNT", "2"},
        {"RPUSHX", "list", "y"},
        {"HSET", "hash", "f", "v"},
        {"HGETALL", "hash"},
        {"SADD", "set", "m"},
        {"SMEMBERS", "set"},
        {"INCR", "counter"},
        {"EXPIRE", "key", "100"},
        {"TTL", "key"},
        {"DEL", "a", "b"},
        {"PING"},
        {"ECHO", "hello"},
        {"SCAN", "0", "MATCH", "*", "COUNT", "5"},
        {"TYPE", "key"},
        {"HELLO", "3"},
        {"APPEND", "key", "more"},
        {"ZADD", "zset", "1.5", "m", "-inf", "n"},
        {"ZRANGE", "zset", "(1", "+inf", "BYSCORE", "LIMIT", "0", "2", "WITHSCORES"},
        {"ZRANGEBYLEX", "zset", "[a", "(z"},
        {"ZINCRBY", "zset", "2", "m"},
        {"ZUNIONSTORE", "dst", "2", "zset", "set", "WEIGHTS", "2", "1", "AGGREGATE", "MAX"},
        {"ZPOPMIN", "zset", "2"},
        {"ZRANDMEMBER", "zset", "-3", "WITHSCORES"},
        {"GETEX", "key", "PX", "500"},
        {"INCRBYFLOAT", "counter", "1.5"},
        {"SETBIT", "bits", "17", "1"},
        {"BITCOUNT", "bits", "0", "-1", "BIT"},
        {"LCS", "key", "bits", "IDX", "WITHMATCHLEN"},
        {"HRANDFIELD", "hash", "-3", "WITHVALUES"},
        {"SPOP", "set", "2"},
        {"SINTERCARD", "2", "set", "other", "LIMIT", "1"},
        {"COPY", "key", "copy", "REPLACE"},
        {"OBJECT", "ENCODING", "hash"},
        // Blocking pops: a frame that blocks still ends, since the fuzzer's half-close ends the wait with the client.
        {"BLPOP", "list", "other", "0.01"},
        {"BLMOVE", "list", "other", "LEFT", "RIGHT", "0"},
        {"BLMPOP", "0.01", "2", "list", "other", "RIGHT", "COUNT", "2"},
        {"BZPOPMIN", "zset", "0.01"},
        {"BZMPOP", "0", "1", "zset", "MAX", "COUNT", "3"},
        {"CLIENT", "UNBLOCK", "1", "ERROR"}
    };
    private static final String[] MEMCACHED_CORPUS = {
        "set key 0 0 5\r\nhello\r\n",
        "get key other\r\n",
        "gets key\r\n",
        "add new 1 0 1\r\nx\r\n",
        "append key 0 0 2\r\nab\r\n",
        "cas key 0 0 1 1\r\ny\r\n",
        "incr n 5\r\n",
        "decr n 1\r\n",
        "delete key\r\n",
        "touch key 10\r\n",
        "version\r\n",
        "set n 0 0 1\r\n7\r\n",
        "get n\r\n",
        "stats\r\n"
    };

    @TempDir
    static Path dir;

    private static RunningServer node;
    private static RawClient respWatcher;
    private static RawClient memcachedWatcher;

    @BeforeAll
    static void start() {
        node = RunningServer.start(dir, b -> b.memcachedPort(0)
                .inlineBytesMax(4096)
                .bulkBytesMax(1 << 20)
                .queryBufferBytesMax(4 << 20)
                .memcachedItemBytesMax(4096));
        respWatcher = node.raw();
        memcachedWatcher = new RawClient(node.server.memcachedPort());
    }

    @AfterAll
    static void stop() {
        respWatcher.close();
        memcachedWatcher.close();
        node.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 12).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void respFramesNeverCrashOrHangTheServer(long seed) throws IOException {
        // Whatever arrives on the RESP port, the answer is well-formed RESP and the server lives on.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < FRAMES_PER_SEED; i++) {
            byte[] frame = random.nextInt(3) == 0 ? randomBytes(random) : mutate(respFrame(random), random);
            byte[] answer = exchange(node.port(), frame);
            List<String> replies = WireCheck.respReplies(answer);
            int protocolError = indexOfProtocolError(replies);
            if (protocolError >= 0) {
                assertThat(protocolError).as("nothing after a protocol error").isEqualTo(replies.size() - 1);
            }
        }
        respWatcher.command("PING");
        assertThat(respWatcher.reply()).isEqualTo("+PONG");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void malformedRespFramesAlwaysGetAProtocolError(long seed) throws IOException {
        // Frames that break RESP framing for certain are answered with -ERR Protocol error and closed.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < FRAMES_PER_SEED / 3; i++) {
            String text = respArray(RESP_CORPUS[random.nextInt(RESP_CORPUS.length)]);
            String bad =
                    switch (random.nextInt(3)) {
                        case 0 -> "*" + (char) ('a' + random.nextInt(26)) + text.substring(2);
                        case 1 -> text.replaceFirst("\\$", String.valueOf((char) ('A' + random.nextInt(26))));
                        default -> text.replaceFirst("\\$\\d+", "\\$-" + (2 + random.nextInt(100)));
                    };
            List<String> replies =
                    WireCheck.respReplies(exchange(node.port(), bad.getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(replies).as(bad).hasSize(1);
            assertThat(replies.get(0)).as(bad).startsWith("-ERR Protocol error: ");
        }
        respWatcher.command("PING");
        assertThat(respWatcher.reply()).isEqualTo("+PONG");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void memcachedFramesNeverCrashOrHangTheServer(long seed) throws IOException {
        // Whatever arrives on the memcached port, the answer is memcached's lines and the server lives on.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < FRAMES_PER_SEED; i++) {
            byte[] frame = random.nextInt(3) == 0
                    ? randomBytes(random)
                    : mutate(
                            MEMCACHED_CORPUS[random.nextInt(MEMCACHED_CORPUS.length)].getBytes(
                                    StandardCharsets.ISO_8859_1),
                            random);
            WireCheck.memcachedLines(exchange(node.server.memcachedPort(), frame));
        }
        memcachedWatcher.send("version\r\n");
        assertThat(memcachedWatcher.line()).isEqualTo("VERSION " + MemcachedConnection.VERSION);
    }

    /** Sends {@code frame}, closes our side, and returns everything the server sent until it closed. */
    private static byte[] exchange(int port, byte[] frame) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(frame);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server may close while we send (protocol error): read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException hang) {
                throw new AssertionError(
                        "the server neither answered nor closed within " + READ_TIMEOUT_MILLIS + " ms after: "
                                + new String(frame, StandardCharsets.ISO_8859_1),
                        hang);
            } catch (IOException reset) {
                // a reset after the server closed: what arrived before still counts
            }
            return answer.toByteArray();
        }
    }

    private static int indexOfProtocolError(List<String> replies) {
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).startsWith("-ERR Protocol error")) {
                return i;
            }
        }
        return -1;
    }

    /** One to three commands, each as a RESP array or (one time in four) an inline line. */
    private static byte[] respFrame(SplittableRandom random) {
        StringBuilder frame = new StringBuilder();
        for (int commands = 1 + random.nextInt(3); commands > 0; commands--) {
            String[] args = RESP_CORPUS[random.nextInt(RESP_CORPUS.length)];
            frame.append(random.nextInt(4) == 0 ? String.join(" ", args) + "\r\n" : respArray(args));
        }
        return frame.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String respArray(String[] args) {
        StringBuilder frame = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            frame.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        return frame.toString();
    }

    /** A few random edits: flip, insert, delete, duplicate or cut. */
    private static byte[] mutate(byte[] frame, SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frame);
        byte[] bytes = out.toByteArray();
        for (int edits = 1 + random.nextInt(3); edits > 0 && bytes.length > 0; edits--) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> {
                    bytes[at] = (byte) random.nextInt(256);
                    yield bytes;
                }
                case 1 ->
                    concat(slice(bytes, 0, at), new byte[] {protocolByte(random)}, slice(bytes, at, bytes.length));
                case 2 -> concat(slice(bytes, 0, at), slice(bytes, at + 1, bytes.length));
                case 3 -> concat(slice(bytes, 0, at), slice(bytes, at / 2, bytes.length));
                default -> slice(bytes, 0, at);
            };
        }
        return bytes;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : protocolByte(random);
        }
        return bytes;
    }

    private static byte protocolByte(SplittableRandom random) {
        String alphabet = "*$+-:\r\n\r\n0123456789 \"'\\xabcdefgkstuvGETSLPUH_";
        return (byte) alphabet.charAt(random.nextInt(alphabet.length()));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
