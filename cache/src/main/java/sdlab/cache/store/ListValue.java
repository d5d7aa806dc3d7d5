package sdlab.cache.store;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A list of binary strings with O(1) push and pop at both ends and O(1) access by index: a
 * growable ring buffer, which is what LPUSH/RPOP queues and LRANGE windows need.
 */
public final class ListValue implements Value {
    private static final int CAPACITY_MIN = 4;

    private byte[][] items = new byte[CAPACITY_MIN][];
    private int head;
    private int size;
    private long elementBytes;

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public long sizeBytes() {
        return MemoryAccounting.LIST_OBJECT_BYTES + elementBytes;
    }

    public int size() {
        return size;
    }

    public void pushHead(byte[] element) {
        growIfFull();
        head = (head - 1 + items.length) % items.length;
        items[head] = element;
        size++;
        elementBytes += MemoryAccounting.listElementBytes(element.length);
    }

    public void pushTail(byte[] element) {
        growIfFull();
        items[(head + size) % items.length] = element;
        size++;
        elementBytes += MemoryAccounting.listElementBytes(element.length);
    }

    /** Removes and returns the first element; the list must not be empty. */
    public byte[] popHead() {
        assert size > 0 : "pop from an empty list";
        byte[] element = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        afterRemove(element);
        return element;
    }

    /** Removes and returns the last element; the list must not be empty. */
    public byte[] popTail() {
        assert size > 0 : "pop from an empty list";
        int tail = (head + size - 1) % items.length;
        byte[] element = items[tail];
        items[tail] = null;
        size--;
        afterRemove(element);
        return element;
    }

    /** The element at {@code index} (0 is the head); the index must be in range. */
    public byte[] get(int index) {
        assert index >= 0 && index < size : "index " + index + " out of range";
        return items[(head + index) % items.length];
    }

    /** The elements from {@code start} to {@code stop} inclusive, both already clamped. */
    public List<byte[]> range(int start, int stop) {
        return Arrays.asList(rangeArray(start, stop));
    }

    /**
     * The elements from {@code start} to {@code stop} inclusive (both already clamped), copied
     * into a new array: at most two block copies out of the ring, so an LRANGE of 600 elements
     * costs one small array rather than a list and a division per element.
     */
    public byte[][] rangeArray(int start, int stop) {
        int count = Math.max(0, stop - start + 1);
        byte[][] out = new byte[count][];
        if (count == 0) {
            return out;
        }
        int first = (head + start) % items.length;
        int beforeWrap = Math.min(count, items.length - first);
        System.arraycopy(items, first, out, 0, beforeWrap);
        System.arraycopy(items, 0, out, beforeWrap, count - beforeWrap);
        return out;
    }

    /** Replaces the element at {@code index}; the index must be in range. */
    public void set(int index, byte[] element) {
        assert index >= 0 && index < size : "index " + index + " out of range";
        int slot = (head + index) % items.length;
        elementBytes += MemoryAccounting.listElementBytes(element.length)
                - MemoryAccounting.listElementBytes(items[slot].length);
        items[slot] = element;
    }

    /**
     * Inserts {@code element} so that it ends up at {@code index} (0 to size), moving the later
     * elements one place on: linear, as LINSERT is in Redis.
     */
    public void insert(int index, byte[] element) {
        assert index >= 0 && index <= size : "index " + index + " out of range";
        growIfFull();
        for (int i = size; i > index; i--) {
            items[(head + i) % items.length] = items[(head + i - 1) % items.length];
        }
        items[(head + index) % items.length] = element;
        size++;
        elementBytes += MemoryAccounting.listElementBytes(element.length);
    }

    /**
     * Keeps the elements whose index {@code keep} accepts and drops the others, in one linear
     * pass (LTRIM, LREM); returns how many were dropped.
     */
    public int retainIf(IntPredicate keep) {
        byte[][] kept = new byte[Math.max(CAPACITY_MIN, size)][];
        int keptCount = 0;
        long keptBytes = 0;
        for (int i = 0; i < size; i++) {
            if (keep.test(i)) {
                byte[] element = get(i);
                kept[keptCount++] = element;
                keptBytes += MemoryAccounting.listElementBytes(element.length);
            }
        }
        int dropped = size - keptCount;
        items = kept;
        head = 0;
        size = keptCount;
        elementBytes = keptBytes;
        if (items.length > CAPACITY_MIN && size < items.length / 4) {
            resize(Math.max(CAPACITY_MIN, Integer.highestOneBit(Math.max(1, size)) * 2));
        }
        return dropped;
    }

    private void afterRemove(byte[] element) {
        elementBytes -= MemoryAccounting.listElementBytes(element.length);
        // Shrink so that a list that was once huge does not pin its peak memory forever.
        if (items.length > CAPACITY_MIN && size < items.length / 4) {
            resize(Math.max(CAPACITY_MIN, items.length / 2));
        }
    }

    private void growIfFull() {
        if (size == items.length) {
            resize(items.length * 2);
        }
    }

    private void resize(int capacity) {
        byte[][] next = new byte[capacity][];
        for (int i = 0; i < size; i++) {
            next[i] = items[(head + i) % items.length];
        }
        items = next;
        head = 0;
    }
}
