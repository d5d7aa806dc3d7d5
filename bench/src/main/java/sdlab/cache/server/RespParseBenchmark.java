package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import sdlab.cache.persist.RespCommandWriter;

/**
 * The cache node's own RESP parser ({@link RespDecoder}) on chapter 11's requests: a pipeline of {@value #PIPELINE}
 * GETs or SETs of the chapter's keys ({@code k0} to {@code k999}) and {@code valueBytes}-byte values, decoded from one
 * buffer into argument arrays. The score is nanoseconds per request. Divided by the bytes a RESP parser scans for
 * delimiters in such a request (the array header and the length lines with their CR LF: 12 for a GET, 18 for a SET of
 * 100 bytes; payloads are copied by their announced length, not scanned), it gives chapter 11's measured default of
 * {@code --parse-ns-per-byte}: an upper bound, since it also charges the copying of payloads and the allocation of
 * argument arrays to the scanned bytes.
 *
 * <p>It lives in the node's package because the parser is package-private there, as it should be for the node.
 *
 * <p>Run it from the repository root after {@code mvn -o -q -pl bench -am install -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     RespParseBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class RespParseBenchmark {
    /** Requests decoded per invocation; the score is divided by it. */
    static final int PIPELINE = 1_000;

    private static final long MIB = 1024 * 1024;

    /** {@code get} or {@code set}. */
    @Param({"get", "set"})
    public String command;

    /** The chapter's default value size. */
    @Param({"100"})
    public int valueBytes;

    private ByteBuf requests;
    private RespDecoder decoder;

    @Setup
    public void setUp() {
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) 'v');
        ByteBuf buffer = Unpooled.buffer();
        for (int i = 0; i < PIPELINE; i++) {
            byte[] key = ("k" + i).getBytes(StandardCharsets.US_ASCII); // the chapter's keys
            byte[][] argv = command.equals("get")
                    ? new byte[][] {"GET".getBytes(StandardCharsets.US_ASCII), key}
                    : new byte[][] {"SET".getBytes(StandardCharsets.US_ASCII), key, value};
            buffer.writeBytes(RespCommandWriter.encode(argv));
        }
        requests = buffer;
        decoder = new RespDecoder(512 * MIB, 64 * 1024, 1L << 30, new QueryBufferBudget(1L << 30), Runnable::run);
    }

    /** Decodes the whole pipeline; JMH divides the time by {@link #PIPELINE}, so the score is per request. */
    @Benchmark
    @OperationsPerInvocation(PIPELINE)
    public void decode(Blackhole sink) throws RespProtocolException {
        ByteBuf in = requests.duplicate();
        decoder.decode(in, true, argv -> {
            sink.consume(argv);
            return true;
        });
    }
}
