package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import sdlab.cache.BulkStrings;
import sdlab.cache.Reply;

/**
 * The cache node's reply encoder ({@link RespReplyEncoder}) on redis-benchmark's LRANGE replies: an array of {@code
 * items} bulk strings of 3 bytes ("xxx", what redis-benchmark's LPUSH stores), encoded as RESP2 into a pooled buffer
 * that is cleared between invocations. The score is nanoseconds per reply: the encoding half of LRANGE_100 … 600,
 * the rows of {@code sdlab bench cache} where the node's throughput and p99 trail redis-server's.
 *
 * <p>It lives in the node's package because the encoder is package-private there.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     RespReplyEncodeBenchmark -f 2 -wi 5 -i 10
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class RespReplyEncodeBenchmark {
    /** Elements in the reply, as LRANGE_100 and LRANGE_600 ask for. */
    @Param({"100", "600"})
    public int items;

    /**
     * How the reply holds its strings: {@code records}, a list of {@link Reply.Bulk} (every reply but LRANGE's), or
     * {@code strings}, the byte arrays themselves ({@link BulkStrings}, what LRANGE answers).
     */
    @Param({"records", "strings"})
    public String shape;

    private Reply reply;
    private ByteBuf out;

    @Setup
    public void setUp() {
        List<Reply> bulks = new ArrayList<>(items);
        byte[][] strings = new byte[items][];
        for (int i = 0; i < items; i++) {
            strings[i] = "xxx".getBytes(StandardCharsets.US_ASCII);
            bulks.add(new Reply.Bulk(strings[i]));
        }
        reply = shape.equals("strings") ? BulkStrings.reply(strings) : new Reply.Array(List.copyOf(bulks));
        out = PooledByteBufAllocator.DEFAULT.directBuffer(64 * 1024);
    }

    @TearDown
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public int encode() {
        out.clear();
        RespReplyEncoder.encode(reply, 2, out);
        return out.writerIndex();
    }
}
