package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The chunks big arguments arrive into: allocated by the filler, never by whoever takes them;
 * reused while they are fresh; given back to the system once idle, so that the node's memory
 * returns to its baseline after a burst of big requests.
 */
class ArgumentChunksTest {
    private final CountingAllocator allocator = new CountingAllocator();
    private final List<Runnable> fillerTasks = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger trims = new AtomicInteger();

    private ArgumentChunks chunks(long keptBytesMax) {
        return new ArgumentChunks(allocator, fillerTasks::add, keptBytesMax, nanos::get, trims::incrementAndGet);
    }

    @Test
    void chunksAreAllocatedByTheFillerNeverByTheTaker() {
        // The taker (the event loop) finds none ready and is told when there will be; nothing was allocated on it.
        ArgumentChunks chunks = chunks(64L << 20);
        assertThat(chunks.take()).isNull();
        assertThat(allocator.allocated()).isEmpty();
        assertThat(chunks.refilled()).isNotDone();

        runFiller();
        assertThat(chunks.refilled()).isDone();
        assertThat(allocator.allocated()).hasSize(ArgumentChunks.READY_MIN);
        ByteBuf chunk = chunks.take();
        assertThat(chunk.capacity()).isEqualTo(ArgumentChunks.CHUNK_BYTES);
        assertThat(chunk.isDirect()).isTrue();
        chunks.give(chunk);
        chunks.releaseAll();
    }

    @Test
    void aChunkGivenBackIsReusedAndEveryKeptChunkIsReleasedAfterTheDecay() {
        ArgumentChunks chunks = chunks(64L << 20);
        chunks.take();
        runFiller();
        ByteBuf first = chunks.take();
        first.writeBytes(new byte[1000]);
        chunks.give(first);
        int allocatedBefore = allocator.allocated().size();
        List<ByteBuf> taken = new ArrayList<>();
        for (int i = 0; i < ArgumentChunks.READY_MIN; i++) {
            taken.add(chunks.take());
        }
        assertThat(taken).contains(first);
        assertThat(first.writerIndex()).as("handed out empty").isZero();
        taken.forEach(chunks::give);
        runFiller();

        nanos.addAndGet(ArgumentChunks.DECAY_NANOS - 1);
        chunks.releaseIfIdle();
        assertThat(chunks.keptBytes()).as("still within the decay").isPositive();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        chunks.releaseIfIdle();
        assertThat(chunks.keptBytes()).isZero();
        assertThat(trims).as("no trim on the event loop").hasValue(0);
        runFiller();
        assertThat(trims).as("the released memory handed back by the filler").hasValue(1);
        assertThat(allocator.allocated())
                .hasSizeGreaterThanOrEqualTo(allocatedBefore)
                .allMatch(c -> c.refCnt() == 0);
    }

    @Test
    void chunksGivenBackBeyondTheBoundAreReleasedAtOnce() {
        ArgumentChunks chunks = chunks(2L * ArgumentChunks.CHUNK_BYTES);
        chunks.take();
        runFiller();
        List<ByteBuf> taken = new ArrayList<>();
        for (int i = 0; i < ArgumentChunks.READY_MIN; i++) {
            taken.add(chunks.take());
        }
        chunks.releaseAll();
        taken.forEach(chunks::give);
        assertThat(chunks.keptBytes()).isEqualTo(2L * ArgumentChunks.CHUNK_BYTES);
        assertThat(taken.stream().filter(c -> c.refCnt() == 0)).hasSize(ArgumentChunks.READY_MIN - 2);
        chunks.releaseAll();
        assertThat(allocator.allocated()).allMatch(c -> c.refCnt() == 0);
    }

    private void runFiller() {
        while (!fillerTasks.isEmpty()) {
            fillerTasks.remove(0).run();
        }
    }
}
