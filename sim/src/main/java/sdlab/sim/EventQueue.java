package sdlab.sim;

import java.util.Arrays;

/**
 * The simulation's agenda: a binary min-heap of events ordered by (time, sequence number).
 * The sequence number is the order of scheduling, so events at the same virtual time run in
 * the order they were scheduled, on every run. Keys live in primitive arrays beside the
 * events: no boxing, no comparator, no allocation per event beyond the event itself.
 *
 * <p>The heap is indexed for {@link Removable} events: each knows its slot, so it can leave
 * the queue in O(log n) when it is no longer wanted. Timers need this: nearly every request
 * sets a timeout that its reply cancels, and leaving cancelled timers in the heap until they
 * come due made it hundreds of times larger than the events that still matter, and every
 * operation on it slower. Since (time, sequence) is a total order, removing events never
 * changes the order in which the others come out.
 */
final class EventQueue {

    /** An event that may leave the queue before it is due; the queue keeps its slot current. */
    abstract static class Removable implements SimEvent {
        private static final int NOT_QUEUED = -1;

        private int slot = NOT_QUEUED;
    }

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
        siftUp(size++, timeNanos, nextSeq++, event);
    }

    /** The time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event; the queue must not be empty. */
    SimEvent poll() {
        SimEvent first = events[0];
        if (first instanceof Removable removable) {
            removable.slot = Removable.NOT_QUEUED;
        }
        fillHole(0);
        return first;
    }

    /** Takes {@code event} out of the queue; does nothing if it already left (fired or removed). */
    void remove(Removable event) {
        int slot = event.slot;
        if (slot == Removable.NOT_QUEUED) {
            return;
        }
        assert events[slot] == event : "a removable event's slot is stale";
        event.slot = Removable.NOT_QUEUED;
        fillHole(slot);
    }

    /** Moves the last event into the emptied {@code hole} and restores the heap order. */
    private void fillHole(int hole) {
        int last = --size;
        long time = times[last];
        long seq = seqs[last];
        SimEvent event = events[last];
        events[last] = null;
        if (hole == last) {
            return;
        }
        if (hole > 0 && before(time, seq, times[(hole - 1) >>> 1], seqs[(hole - 1) >>> 1])) {
            siftUp(hole, time, seq, event);
        } else {
            siftDown(hole, time, seq, event);
        }
    }

    private void siftUp(int hole, long time, long seq, SimEvent event) {
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        put(hole, time, seq, event);
    }

    private void siftDown(int hole, long time, long seq, SimEvent event) {
        int half = size >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < size && before(times[right], seqs[right], times[child], seqs[child])) {
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
        put(to, times[from], seqs[from], events[from]);
    }

    private void put(int slot, long time, long seq, SimEvent event) {
        times[slot] = time;
        seqs[slot] = seq;
        events[slot] = event;
        if (event instanceof Removable removable) {
            removable.slot = slot;
        }
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
