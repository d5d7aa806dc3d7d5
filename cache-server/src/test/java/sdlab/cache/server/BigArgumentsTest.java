package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Large bulk arguments arrive in time linear in their size, other clients are served while they
 * arrive, and neither one client nor a dozen can make the node hold more than its limits. Once a
 * 256 MB SET took 29 s and stalled every other client: the input buffer grew 4 MiB at a time and
 * was copied whole at each step.
 */
class BigArgumentsTest {
    private static final int MIB = 1 << 20;
    private static final int CHUNK_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void eachByteOfABigArgumentIsCopiedAtMostTwiceAndTheInputStaysSmall() throws Exception {
        // The decoder alone, fed a 64 MiB SET in 64 KiB reads as a socket would deliver it.
        QueryBufferBudget budget = new QueryBufferBudget(1L << 30);
        // The array is allocated at once on this thread (Runnable::run); the server allocates it on another.
        RespDecoder decoder = new RespDecoder(512L * MIB, 64 * 1024, 1L << 30, budget, Runnable::run);
        int size = 64 * MIB;
        byte[] header = ("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII);
        List<byte[][]> commands = new ArrayList<>();
        ByteBuf input = Unpooled.buffer();
        input.writeBytes(header);
        int inputBytesMax = 0;
        byte[] chunk = new byte[CHUNK_BYTES];
        Arrays.fill(chunk, (byte) 'x');
        for (int sent = 0; sent < size; sent += CHUNK_BYTES) {
            input.writeBytes(chunk, 0, Math.min(CHUNK_BYTES, size - sent));
            inputBytesMax = Math.max(inputBytesMax, input.readableBytes());
            decoder.decode(input, true, argv -> commands.add(argv));
            input.discardReadBytes();
        }
        assertThat(commands).isEmpty();
        assertThat(budget.reservedBytes()).isEqualTo(size);
        input.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        decoder.decode(input, true, argv -> commands.add(argv));

        assertThat(commands).hasSize(1);
        assertThat(commands.get(0)[2]).hasSize(size);
        // Twice for the big argument (into chunks on the loop, into its array on the assembler), once for SET and k.
        assertThat(decoder.bytesCopied()).isLessThanOrEqualTo(2L * size + "SETk".length());
        assertThat(inputBytesMax).isLessThanOrEqualTo(header.length + CHUNK_BYTES);
        assertThat(budget.reservedBytes()).as("given back once the command ran").isZero();
        input.release();
    }

    @Test
    void theArrayIsAssembledOffTheLoopAndEveryChunkGoesBack() throws Exception {
        // The assembler has not run yet: the decoder has taken every byte into chunks, says what it
        // waits for, and neither blocks nor runs the command; once the array is assembled it does.
        QueryBufferBudget budget = new QueryBufferBudget(1L << 30);
        CountingAllocator allocator = new CountingAllocator();
        ArgumentChunks chunks = new ArgumentChunks(allocator, Runnable::run, 1L << 30, System::nanoTime, () -> {});
        List<Runnable> assemblies = new ArrayList<>();
        RespDecoder decoder = new RespDecoder(512L * MIB, 64 * 1024, 1L << 30, budget, assemblies::add, chunks);
        int size = 64 * MIB + 17;
        ByteBuf input = Unpooled.buffer();
        input.writeBytes(("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] filler = new byte[size];
        for (int i = 0; i < size; i++) {
            filler[i] = (byte) i;
        }
        input.writeBytes(filler);
        input.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        List<byte[][]> commands = new ArrayList<>();

        decoder.decode(input, true, argv -> commands.add(argv));
        assertThat(commands).isEmpty();
        assertThat(input.readableBytes()).as("only the CRLF left in the input").isEqualTo(2);
        assertThat(decoder.awaiting()).isNotNull().isNotDone();
        decoder.decode(input, true, argv -> commands.add(argv));
        assertThat(commands).isEmpty();

        assertThat(assemblies).hasSize(1);
        assemblies.get(0).run();
        assertThat(decoder.awaiting()).isNull();
        decoder.decode(input, true, argv -> commands.add(argv));
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0)[2]).isEqualTo(filler);
        assertThat(budget.reservedBytes()).isZero();
        assertThat(chunks.keptBytes()).as("every chunk back for reuse").isGreaterThanOrEqualTo(size);
        chunks.releaseAll();
        assertThat(allocator.allocated()).allMatch(chunk -> chunk.refCnt() == 0);
        input.release();
    }

    @Test
    void anUnfinishedArgumentNeverTouchesTheHeapAndGivesEveryChunkBack() throws Exception {
        // Issue 11's attacker: a $536870000 bulk of which 8 MiB arrive, then the client leaves. Its
        // bytes were only ever in chunks (no array was asked for), and its chunks and budget all come
        // back; after the decay the chunks are released to the system.
        QueryBufferBudget budget = new QueryBufferBudget(1L << 30);
        CountingAllocator allocator = new CountingAllocator();
        AtomicLong nanos = new AtomicLong();
        ArgumentChunks chunks = new ArgumentChunks(allocator, Runnable::run, 1L << 30, nanos::get, () -> {});
        List<Runnable> assemblies = new ArrayList<>();
        RespDecoder decoder = new RespDecoder(512L * MIB, 64 * 1024, 1L << 30, budget, assemblies::add, chunks);
        ByteBuf input = Unpooled.buffer();
        input.writeBytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$536870000\r\n".getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(new byte[8 * MIB]);
        decoder.decode(input, true, argv -> {
            throw new AssertionError("no command expected");
        });
        assertThat(input.readableBytes()).isZero();
        assertThat(budget.reservedBytes()).as("counted at its declared length").isEqualTo(536_870_000L);

        decoder.release();
        assertThat(budget.reservedBytes()).isZero();
        assertThat(assemblies).as("no array asked for").isEmpty();
        assertThat(allocator.allocated()).allMatch(chunk -> chunk.refCnt() == 1);
        assertThat(chunks.keptBytes()).isEqualTo((long) allocator.allocated().size() * ArgumentChunks.CHUNK_BYTES);
        nanos.addAndGet(ArgumentChunks.DECAY_NANOS);
        chunks.releaseIfIdle();
        assertThat(allocator.allocated()).isNotEmpty().allMatch(chunk -> chunk.refCnt() == 0);
        input.release();
    }

    @Test
    void otherClientsAreServedWhileABigArgumentArrives() throws Exception {
        // A 64 MiB SET sent a mebibyte at a time; between the mebibytes another client's PING is answered.
        try (RunningServer node = RunningServer.start(dir);
                Socket writer = new Socket("127.0.0.1", node.port());
                RawClient pinger = node.raw();
                Jedis jedis = node.jedis()) {
            int size = 64 * MIB;
            OutputStream out = writer.getOutputStream();
            out.write(("*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] mebibyte = new byte[MIB];
            Arrays.fill(mebibyte, (byte) 'y');
            for (int sent = 0; sent < size; sent += MIB) {
                out.write(mebibyte);
                out.flush();
                pinger.command("PING");
                assertThat(pinger.reply()).isEqualTo("+PONG");
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(writer.getInputStream().readNBytes(5)).isEqualTo("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(jedis.strlen("big")).isEqualTo(size);
            assertThat(jedis.info("memory")).contains("mem_clients_normal:0");
        }
    }

    @Test
    void aClientOverItsQueryBufferLimitIsClosedAndOthersGoOn() throws Exception {
        // client-query-buffer-limit 16 MiB: a 64 MiB argument is cut off before it is all in memory.
        try (RunningServer node = RunningServer.start(dir, b -> b.queryBufferBytesMax(16L * MIB));
                Socket greedy = new Socket("127.0.0.1", node.port());
                RawClient polite = node.raw()) {
            greedy.getOutputStream()
                    .write(("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + 64 * MIB + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(streamUntilClosed(greedy, 32 * MIB)).isTrue();
            polite.command("PING");
            assertThat(polite.reply()).isEqualTo("+PONG");
        }
    }

    @Test
    void aDozenUnfinishedHugeArgumentsCannotPassTheNodesBudget() throws Exception {
        // Issue 11's attack, scaled to a 32 MiB budget: twelve clients each announce a 512 MB bulk and
        // stream 8 MiB of it. The budget is never exceeded, clients over it are evicted, PING is answered
        // throughout, and what the survivors held is given back when they leave.
        long budgetBytes = 32L * MIB;
        try (RunningServer node = RunningServer.start(dir, b -> b.queryBuffersTotalBytesMax(budgetBytes));
                RawClient pinger = node.raw();
                Jedis jedis = node.jedis()) {
            List<Socket> attackers = new ArrayList<>();
            int evicted = 0;
            try {
                for (int i = 0; i < 12; i++) {
                    Socket attacker = new Socket("127.0.0.1", node.port());
                    attackers.add(attacker);
                    attacker.getOutputStream()
                            .write("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$536870000\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (streamUntilClosed(attacker, 8 * MIB)) {
                        evicted++;
                    }
                    pinger.command("PING");
                    assertThat(pinger.reply()).isEqualTo("+PONG");
                    assertThat(memClientsNormal(jedis)).isLessThanOrEqualTo(budgetBytes);
                }
            } finally {
                for (Socket attacker : attackers) {
                    attacker.close();
                }
            }
            assertThat(evicted).isGreaterThan(0);
            assertThat(jedis.info("stats")).containsPattern("evicted_clients:[1-9]");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (memClientsNormal(jedis) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(memClientsNormal(jedis)).isZero();
        }
    }

    /** Writes up to {@code bytes} of filler; true if the server closed the connection first. */
    private static boolean streamUntilClosed(Socket socket, int bytes) {
        byte[] chunk = new byte[CHUNK_BYTES];
        Arrays.fill(chunk, (byte) 'z');
        try {
            OutputStream out = socket.getOutputStream();
            for (int sent = 0; sent < bytes; sent += CHUNK_BYTES) {
                out.write(chunk);
            }
            out.flush();
            socket.setSoTimeout(500);
            return socket.getInputStream().read() < 0;
        } catch (IOException closed) {
            return true;
        }
    }

    private static long memClientsNormal(Jedis jedis) {
        for (String line : jedis.info("memory").split("\r\n")) {
            if (line.startsWith("mem_clients_normal:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1));
            }
        }
        throw new AssertionError("INFO memory has no mem_clients_normal");
    }
}
