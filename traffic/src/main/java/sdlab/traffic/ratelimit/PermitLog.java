package sdlab.traffic.ratelimit;

/**
 * A bounded ring of (time, permits) entries in arrival order, in two primitive arrays so that
 * logging a request allocates nothing once the ring has grown. Entries at the same time merge.
 */
final class PermitLog {
    private static final int CAPACITY_INITIAL = 16;
    private final int capacityMax;
    private long[] timesNanos;
    private long[] permits;
    private int head;
    private int size;

    PermitLog(int capacityMax) {
        this.capacityMax = capacityMax;
        int capacity = Math.min(CAPACITY_INITIAL, capacityMax);
        this.timesNanos = new long[capacity];
        this.permits = new long[capacity];
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
        if (size == timesNanos.length) {
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
        head = (head + 1) % timesNanos.length;
        size--;
        return count;
    }

    private int slot(int i) {
        return (head + i) % timesNanos.length;
    }

    private void grow() {
        if (size >= capacityMax) {
            throw new IllegalStateException("permit log full at " + capacityMax + " entries");
        }
        int capacity = (int) Math.min((long) timesNanos.length * 2, capacityMax);
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
