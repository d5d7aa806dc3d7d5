package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memcached text protocol over a raw socket, line by line as memcached answers it. */
class MemcachedProtocolTest {
    @TempDir
    static Path dir;

    private static RunningServer node;

    @BeforeAll
    static void start() {
        node = RunningServer.start(dir, b -> b.memcachedPort(0).memcachedItemBytesMax(1024));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static RawClient client() {
        return new RawClient(node.server.memcachedPort());
    }

    @Test
    void setGetAndGets() {
        // Storage answers STORED; get answers VALUE lines and END; gets adds the cas unique.
        try (RawClient c = client()) {
            c.send("set greeting 42 0 5\r\nhello\r\n");
            assertThat(c.line()).isEqualTo("STORED");
            c.send("get greeting nothing\r\n");
            assertThat(c.line()).isEqualTo("VALUE greeting 42 5");
            assertThat(c.line()).isEqualTo("hello");
            assertThat(c.line()).isEqualTo("END");
            c.send("gets greeting\r\n");
            assertThat(c.line()).matches("VALUE greeting 42 5 \\d+");
            assertThat(c.line()).isEqualTo("hello");
            assertThat(c.line()).isEqualTo("END");
        }
    }

    @Test
    void addReplaceAppendPrependAndCas() {
        // Conditional stores answer NOT_STORED / EXISTS / NOT_FOUND exactly as memcached does.
        try (RawClient c = client()) {
            c.send("add k1 0 0 1\r\na\r\nadd k1 0 0 1\r\nb\r\nreplace nokey 0 0 1\r\nx\r\n");
            assertThat(lines(c, 3)).containsExactly("STORED", "NOT_STORED", "NOT_STORED");
            c.send("append k1 0 0 2\r\n>>\r\nprepend k1 0 0 2\r\n<<\r\nget k1\r\n");
            assertThat(lines(c, 5)).containsExactly("STORED", "STORED", "VALUE k1 0 5", "<<a>>", "END");
            c.send("gets k1\r\n");
            String header = c.line();
            long unique = Long.parseLong(header.substring(header.lastIndexOf(' ') + 1));
            lines(c, 2);
            c.send("cas k1 0 0 1 " + (unique + 1000) + "\r\nx\r\ncas k1 0 0 1 " + unique + "\r\ny\r\n"
                    + "cas nokey 0 0 1 1\r\nz\r\n");
            assertThat(lines(c, 3)).containsExactly("EXISTS", "STORED", "NOT_FOUND");
        }
    }

    @Test
    void incrDecrDeleteTouchAndFlush() {
        // Counters, deletion, touch and flush_all with memcached's answers, noreply honoured.
        try (RawClient c = client()) {
            c.send("set n 0 0 2\r\n10\r\nincr n 5\r\ndecr n 100\r\nincr n abc\r\nincr missing 1\r\n");
            assertThat(lines(c, 5))
                    .containsExactly("STORED", "15", "0", "CLIENT_ERROR invalid numeric delta argument", "NOT_FOUND");
            c.send("set s 0 0 1\r\nx\r\nincr s 1\r\n");
            assertThat(lines(c, 2))
                    .containsExactly("STORED", "CLIENT_ERROR cannot increment or decrement non-numeric value");
            c.send("touch n 100\r\ntouch missing 100\r\ndelete n\r\ndelete n\r\ndelete s noreply\r\nget s\r\n");
            assertThat(lines(c, 5)).containsExactly("TOUCHED", "NOT_FOUND", "DELETED", "NOT_FOUND", "END");
            c.send("set f 0 0 1\r\nx\r\nflush_all\r\nget f\r\n");
            assertThat(lines(c, 3)).containsExactly("STORED", "OK", "END");
        }
    }

    @Test
    void keysWithControlCharactersAndTabsAreStoredAsMemcachedStoresThem() {
        // memcached 1.6.18 answered this exchange with exactly these lines (checked by hand); memaslap's
        // keys start with eight 0x10 bytes, and a node refusing them failed every memaslap request.
        try (RawClient c = client()) {
            c.send("set \u0010\u0010ab\u0001c 0 0 3\r\nxyz\r\nget \u0010\u0010ab\u0001c\r\n"
                    + "set k\u007fz 0 0 1\r\nq\r\nset t\tab 0 0 1\r\nq\r\nget t\tab\r\n");
            assertThat(lines(c, 9))
                    .containsExactly(
                            "STORED",
                            "VALUE \u0010\u0010ab\u0001c 0 3",
                            "xyz",
                            "END",
                            "STORED",
                            "STORED",
                            "VALUE t\tab 0 1",
                            "q",
                            "END");
        }
    }

    @Test
    void errorLinesFollowMemcached() {
        // ERROR for unknown commands and wrong argument counts, CLIENT_ERROR for bad input, SERVER_ERROR when too
        // large.
        try (RawClient c = client()) {
            c.send("bogus\r\nGET k\r\nset k 0 0\r\nincr\r\n");
            assertThat(lines(c, 4)).containsExactly("ERROR", "ERROR", "ERROR", "ERROR");
            c.send("set k 0 0 x\r\nget " + "k".repeat(251) + "\r\nset k 0 0 -1\r\n");
            assertThat(lines(c, 3))
                    .containsExactly(
                            "CLIENT_ERROR bad command line format",
                            "CLIENT_ERROR bad command line format",
                            "CLIENT_ERROR bad command line format");
            c.send("set k 0 0 3\r\nabcd\r\n");
            assertThat(lines(c, 2)).containsExactly("CLIENT_ERROR bad data chunk", "ERROR");
            c.send("set big 0 0 1\r\nx\r\nset big 0 0 2000\r\n" + "x".repeat(2000) + "\r\nget big\r\nversion\r\n");
            assertThat(lines(c, 4))
                    .as("a set that is too large also drops the old value, as memcached does")
                    .containsExactly("STORED", "SERVER_ERROR object too large for cache", "END", "VERSION 1.6.0-sdlab");
            c.send("flush_all abc\r\n");
            assertThat(c.line()).isEqualTo("CLIENT_ERROR invalid exptime argument");
        }
    }

    @Test
    void aDataBlockArrivingInPiecesIsStoredOnceItIsWhole() throws InterruptedException {
        // A storage command waits for its whole data block, however the bytes are split between reads.
        try (RawClient c = client()) {
            String script = "set split 3 0 10\r\nhello worl\r\nms msplit 4 T0\r\nabcd\r\n" + "set split2 0 0 2000\r\n"
                    + "x".repeat(2000) + "\r\nget split msplit\r\n";
            for (int i = 0; i < script.length(); i += 7) {
                c.send(script.substring(i, Math.min(script.length(), i + 7)));
                Thread.sleep(1);
            }
            assertThat(lines(c, 8))
                    .containsExactly(
                            "STORED",
                            "HD",
                            "SERVER_ERROR object too large for cache",
                            "VALUE split 3 10",
                            "hello worl",
                            "VALUE msplit 0 4",
                            "abcd",
                            "END");
        }
    }

    @Test
    void aCommandLineSplitBetweenItsCarriageReturnAndLineFeedWaitsForTheLineFeed() throws InterruptedException {
        // A read that ends just after the CR holds no whole line yet; the next read's LF completes it,
        // and the half line after it waits in turn.
        try (RawClient c = client()) {
            c.send("set crlf 0 0 2\r\nok\r\nget crlf\r");
            assertThat(c.line()).isEqualTo("STORED");
            Thread.sleep(20);
            c.send("\nget cr");
            Thread.sleep(20);
            c.send("lf\r\n");
            assertThat(lines(c, 6)).containsExactly("VALUE crlf 0 2", "ok", "END", "VALUE crlf 0 2", "ok", "END");
        }
    }

    @Test
    void anOversizedCommandLineClosesTheConnectionWhetherOrNotItsEndCameInTheSameRead() {
        // Sent in one write, the line's LF may arrive in the read that takes it past the limit: the verdict must not
        // depend on how TCP cut the stream, so the line is refused, not answered ERROR and followed.
        try (RawClient c = client()) {
            c.send("x".repeat(MemcachedConnection.LINE_BYTES_MAX + 1) + "\r\nget never\r\n");
            assertThat(c.line()).isEqualTo("CLIENT_ERROR line too long");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void statsReportCountersAndQuitCloses() {
        // stats lists STAT lines ending in END; quit closes the connection.
        try (RawClient c = client()) {
            c.send("get stats-probe\r\nstats\r\n");
            assertThat(c.line()).isEqualTo("END");
            List<String> stats = new ArrayList<>();
            for (String line = c.line(); !line.equals("END"); line = c.line()) {
                stats.add(line);
            }
            assertThat(stats)
                    .anyMatch(l -> l.startsWith("STAT get_misses "))
                    .anyMatch(l -> l.startsWith("STAT curr_connections "))
                    .anyMatch(l -> l.equals("STAT threads 2"));
            c.send("quit\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void manyClientsOnManyThreadsShareOneStore() throws InterruptedException {
        // Several connections (served by several threads) incrementing one counter lose no update.
        try (RawClient c = client()) {
            c.send("set shared 0 0 1\r\n0\r\n");
            assertThat(c.line()).isEqualTo("STORED");
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try (RawClient c = client()) {
                    for (int i = 0; i < 250; i++) {
                        c.send("incr shared 1\r\n");
                        c.line();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (RawClient c = client()) {
            c.send("get shared\r\n");
            assertThat(lines(c, 3)).containsExactly("VALUE shared 0 4", "1000", "END");
        }
    }

    private static List<String> lines(RawClient c, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(c.line());
        }
        return lines;
    }
}
