package sdlab.sim;

import java.util.Arrays;

/**
 * The simulation's agenda: a binary min-heap of events ordered by (time, sequence number).
 * The sequence number is the order of scheduling, so events at the same virtual time run in
 * the order they were scheduled, on every run.
 *
 * <p>The heap itself holds only primitives: each entry is a time, a sequence number and the
 * number of a slot in {@code events} where the event waits. Sifting moves those numbers and
 * never an object reference, so it neither allocates nor pays the garbage collector's write
 * barrier per move (the heap array lives long, the events it points to die young); an event
 * is stored once when it is added and cleared once when it leaves. Freed slots are reused.
 *
 * <p>The heap is indexed for {@link Removable} events, which can leave the queue in O(log n)
 * when they are no longer wanted. Timers need this: nearly every request sets a timeout that
 * its reply cancels, and leaving cancelled timers in the heap until they came due made it
 * hundreds of times larger than the events that still matter. Since (time, sequence) is a
 * total order, removing events never changes the order in which the others come out.
 */
final class EventQueue {

    /** An event that may leave the queue before it is due. */
    abstract static class Removable implements SimEvent {
        private int slot = NO_SLOT;
    }

    private static final int NO_SLOT = -1;
    private static final int CAPACITY_INITIAL = 1024;

    // The heap, in heap order: entry i is (times[i], seqs[i]) for the event in slot slots[i].
    private long[] times = new long[CAPACITY_INITIAL];
    private long[] seqs = new long[CAPACITY_INITIAL];
    private int[] slots = new int[CAPACITY_INITIAL];
    private int size;
    private long nextSeq;

    // By slot: the event waiting there and its heap index; free slots are stacked.
    private SimEvent[] events = new SimEvent[CAPACITY_INITIAL];
    private int[] heapIndexOfSlot = new int[CAPACITY_INITIAL];
    private int[] freeSlots = new int[CAPACITY_INITIAL];
    private int freeCount;
    private int slotsUsedMax;

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
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsedMax++;
        events[slot] = event;
        if (event instanceof Removable removable) {
            removable.slot = slot;
        }
        siftUp(size++, timeNanos, nextSeq++, slot);
    }

    /** The time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event; the queue must not be empty. */
    SimEvent poll() {
        int slot = slots[0];
        SimEvent first = release(slot);
        fillHole(0);
        return first;
    }

    /** Takes {@code event} out of the queue; does nothing if it already left (fired or removed). */
    void remove(Removable event) {
        int slot = event.slot;
        if (slot == NO_SLOT) {
            return;
        }
        assert events[slot] == event : "a removable event's slot is stale";
        int heapIndex = heapIndexOfSlot[slot];
        release(slot);
        fillHole(heapIndex);
    }

    private SimEvent release(int slot) {
        SimEvent event = events[slot];
        events[slot] = null;
        if (event instanceof Removable removable) {
            removable.slot = NO_SLOT;
        }
        freeSlots[freeCount++] = slot;
        return event;
    }

    /** Moves the last entry into the emptied heap index {@code hole} and restores the heap order. */
    private void fillHole(int hole) {
        int last = --size;
        if (hole == last) {
            return;
        }
        long time = times[last];
        long seq = seqs[last];
        int slot = slots[last];
        if (hole > 0 && before(time, seq, times[(hole - 1) >>> 1], seqs[(hole - 1) >>> 1])) {
            siftUp(hole, time, seq, slot);
        } else {
            siftDown(hole, time, seq, slot);
        }
    }

    private void siftUp(int hole, long time, long seq, int slot) {
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        put(hole, time, seq, slot);
    }

    private void siftDown(int hole, long time, long seq, int slot) {
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
        put(hole, time, seq, slot);
    }

    private static boolean before(long timeA, long seqA, long timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    private void move(int from, int to) {
        put(to, times[from], seqs[from], slots[from]);
    }

    private void put(int heapIndex, long time, long seq, int slot) {
        times[heapIndex] = time;
        seqs[heapIndex] = seq;
        slots[heapIndex] = slot;
        heapIndexOfSlot[slot] = heapIndex;
    }

    /** Doubles the heap and the slots together: there are never more slots in use than entries. */
    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        slots = Arrays.copyOf(slots, capacity);
        events = Arrays.copyOf(events, capacity);
        heapIndexOfSlot = Arrays.copyOf(heapIndexOfSlot, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
