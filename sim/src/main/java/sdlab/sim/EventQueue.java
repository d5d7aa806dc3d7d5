package sdlab.sim;

/**
 * The simulation's agenda: a binary min-heap of events ordered by (time, sequence number).
 * The sequence number is the order of scheduling, so events at the same virtual time run in
 * the order they were scheduled, on every run. Keys live in primitive arrays beside the
 * events: no boxing, no comparator, no allocation per event beyond the event itself.
 */
final class EventQueue {

    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private SimEvent[] events = new SimEvent[1024];
    private int size;
    private long nextSeq;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long timeNanos, SimEvent event) {
        if (size == times.length) {
            grow();
        }
        long seq = nextSeq++;
        int hole = size++;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(timeNanos, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        put(hole, timeNanos, seq, event);
    }

    /** The time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event; the queue must not be empty. */
    SimEvent poll() {
        SimEvent first = events[0];
        int last = --size;
        long time = times[last];
        long seq = seqs[last];
        SimEvent event = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(time, seq, event, last);
        }
        return first;
    }

    private void siftDown(long time, long seq, SimEvent event, int length) {
        int hole = 0;
        int half = length >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < length && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!before(times[child], seqs[child], time, seq)) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        put(hole, time, seq, event);
    }

    private static boolean before(long timeA, long seqA, long timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        events[to] = events[from];
    }

    private void put(int index, long time, long seq, SimEvent event) {
        times[index] = time;
        seqs[index] = seq;
        events[index] = event;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        seqs = java.util.Arrays.copyOf(seqs, capacity);
        events = java.util.Arrays.copyOf(events, capacity);
    }
}
