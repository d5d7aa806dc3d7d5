package sdlab.cache.server;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An unpooled allocator that remembers every direct buffer it made, so a test can see that each was released. */
final class CountingAllocator extends AbstractByteBufAllocator {
    private final UnpooledByteBufAllocator unpooled = new UnpooledByteBufAllocator(true);
    private final List<ByteBuf> allocated = new CopyOnWriteArrayList<>();

    CountingAllocator() {
        super(true);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return unpooled.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf buffer = unpooled.directBuffer(initialCapacity, maxCapacity);
        allocated.add(buffer);
        return buffer;
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    List<ByteBuf> allocated() {
        return allocated;
    }
}
