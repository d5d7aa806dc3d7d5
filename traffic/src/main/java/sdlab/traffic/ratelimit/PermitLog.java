package sdlab.traffic.ratelimit;

/**
 * A bounded ring of (time, permits) entries in arrival order, in two primitive arrays so that
 * logging a request allocates nothing once the ring has grown. Entries at the same time merge.
 * The arrays' length is a power of two, so that finding a slot is a mask rather than a division
 * (a limiter touches the ring four to six times per call).
 */
final class PermitLog {
    private static final int CAPACITY_INITIAL = 16;
    /** The largest power-of-two array length Java allows. */
    private static final int ARRAY_LENGTH_MAX = 1 << 30;

    private final int capacityMax;
    private long[] timesNanos;
    private long[] permits;
    private int head;
    private int size;

    PermitLog(int capacityMax) {
        if (capacityMax < 1) {
            throw new IllegalArgumentException("capacityMax must be positive, got " + capacityMax);
        }
        this.capacityMax = capacityMax;
        int capacity = capacityMax >= CAPACITY_INITIAL ? CAPACITY_INITIAL : powerOfTwoAtLeast(capacityMax);
        this.timesNanos = new long[capacity];
        this.permits = new long[capacity];
    }

    private static int powerOfTwoAtLeast(int n) {
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long timeNanos, long count) {
        if (size > 0 && timeNanosAt(size - 1) == timeNanos) {
            permits[slot(size - 1)] += count;
            return;
        }
        if (size == timesNanos.length || size == capacityMax) {
            grow();
        }
        timesNanos[slot(size)] = timeNanos;
        permits[slot(size)] = count;
        size++;
    }

    long oldestTimeNanos() {
        return timeNanosAt(0);
    }

    long newestTimeNanos() {
        return timeNanosAt(size - 1);
    }

    long timeNanosAt(int i) {
        return timesNanos[slot(i)];
    }

    long permitsAt(int i) {
        return permits[slot(i)];
    }

    /** Removes the oldest entry and returns its permits. */
    long removeOldest() {
        long count = permits[head];
        head = (head + 1) & (timesNanos.length - 1);
        size--;
        return count;
    }

    private int slot(int i) {
        return (head + i) & (timesNanos.length - 1);
    }

    private void grow() {
        if (size >= capacityMax || timesNanos.length == ARRAY_LENGTH_MAX) {
            throw new IllegalStateException("permit log full at " + size + " entries");
        }
        int capacity = timesNanos.length * 2;
        long[] times = new long[capacity];
        long[] counts = new long[capacity];
        for (int i = 0; i < size; i++) {
            times[i] = timeNanosAt(i);
            counts[i] = permitsAt(i);
        }
        timesNanos = times;
        permits = counts;
        head = 0;
    }
}
