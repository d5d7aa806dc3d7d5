package sdlab.sim;

import java.util.Arrays;

/**
 * The agenda's later events: a 4-ary min-heap ordered by (time, sequence number), the sequence numbers given by
 * {@link EventQueue}. It holds what does not fit among the {@link SoonestEvents}, so it stays empty in runs whose
 * agenda is small (chapter 10's holds 11 events on average, at most 56) and takes over in runs with thousands.
 *
 * <p>The heap itself holds only primitives: each entry is a time and a key, the sequence
 * number with the number of a slot in {@code events}, where the event waits, in its low bits.
 * Sifting moves those numbers and never an object reference, so it neither allocates nor pays
 * the garbage collector's write barrier per move (the heap array lives long, the events it
 * points to die young); an event is stored once when it is added and cleared once when it
 * leaves. Freed slots are reused. Keeping the slot inside the key, rather than in an int array
 * of its own, matters for speed: the heap's arrays are then all {@code long[]} and the index of
 * heap positions by slot is the only {@code int[]} written while sifting, so the compiler knows
 * that a write to one never changes the other and keeps values in registers.
 *
 * <p>Four children per entry, not two, because of how a simulation uses its agenda: a new event (a message in
 * flight, a disk sync) is nearly always due sooner than the timeouts that wait in the heap, so it climbs almost to the
 * root, and every event taken out sinks a replacement from the bottom. A 4-ary heap is half as deep, so both walks make
 * half the moves; sinking compares four children instead of two per level, which costs less than the moves it saves.
 *
 * <p>The heap is indexed for {@link EventQueue.Removable} events, which can leave in O(log n). Since (time, sequence)
 * is a total order, removing events never changes the order in which the others come out.
 */
final class EventHeap {

    static final int NO_SLOT = -1;

    /** Children per heap entry: entry i's are 4i + 1 to 4i + 4. */
    private static final int ARITY = 4;

    /** Small: most runs never use the heap, and a run builds its queue afresh (nine runs a seed in a sweep). */
    private static final int CAPACITY_INITIAL = 16;

    /** Slots take the key's low bits: enough for more events than the engine lets wait at once. */
    private static final int SLOT_BITS = 26;

    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

    /** Sequence numbers take the rest: 2^37 events scheduled, far more than any run's limit. */
    private static final long SEQ_MAX = Long.MAX_VALUE >>> SLOT_BITS;

    // The heap, in heap order: entry i is the event at times[i] with key keys[i] = seq << SLOT_BITS | slot.
    private long[] times = new long[CAPACITY_INITIAL];
    private long[] keys = new long[CAPACITY_INITIAL];
    private int size;

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

    /** Adds {@code event}, due at {@code timeNanos}; {@code seq} orders it among events due at the same time. */
    void add(long timeNanos, long seq, SimEvent event) {
        if (size == times.length) {
            grow();
        }
        if (seq > SEQ_MAX || size > SLOT_MASK) {
            throw new IllegalStateException("the event queue ran out of sequence numbers or slots");
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsedMax++;
        events[slot] = event;
        if (event instanceof EventQueue.Removable removable) {
            removable.heapSlot = slot;
        }
        siftUp(size++, timeNanos, seq << SLOT_BITS | slot);
    }

    /** The time of the earliest event; the heap must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** The sequence number of the earliest event; the heap must not be empty. */
    long peekSeq() {
        return keys[0] >>> SLOT_BITS;
    }

    /** Removes and returns the earliest event; the heap must not be empty. */
    SimEvent poll() {
        int slot = (int) (keys[0] & SLOT_MASK);
        SimEvent first = release(slot);
        fillHole(0);
        return first;
    }

    /** Takes {@code event}, which waits in this heap, out of it. */
    void remove(EventQueue.Removable event) {
        int slot = event.heapSlot;
        assert slot != NO_SLOT && events[slot] == event : "a removable event's slot is stale";
        int heapIndex = heapIndexOfSlot[slot];
        release(slot);
        fillHole(heapIndex);
    }

    /**
     * Takes out the earliest waiting event {@code wanted} accepts, with its due time, or returns null if none does. It
     * looks at every slot: for a one-off change made by hand ({@link Fork}), never on a run's hot path.
     */
    EventQueue.Due removeMatching(java.util.function.Predicate<SimEvent> wanted) {
        int found = -1;
        for (int heapIndex = 0; heapIndex < size; heapIndex++) {
            SimEvent event = events[(int) (keys[heapIndex] & SLOT_MASK)];
            boolean earlier = found < 0 || before(times[heapIndex], keys[heapIndex], times[found], keys[found]);
            if (earlier && wanted.test(event)) {
                found = heapIndex;
            }
        }
        if (found < 0) {
            return null;
        }
        long time = times[found];
        SimEvent event = release((int) (keys[found] & SLOT_MASK));
        fillHole(found);
        return new EventQueue.Due(time, event);
    }

    private SimEvent release(int slot) {
        SimEvent event = events[slot];
        events[slot] = null;
        if (event instanceof EventQueue.Removable removable) {
            removable.heapSlot = NO_SLOT;
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
        long key = keys[last];
        int parent = parentOf(hole);
        if (hole > 0 && before(time, key, times[parent], keys[parent])) {
            siftUp(hole, time, key);
        } else {
            siftDown(hole, time, key);
        }
    }

    private void siftUp(int hole, long time, long key) {
        while (hole > 0) {
            int parent = parentOf(hole);
            if (!before(time, key, times[parent], keys[parent])) {
                break;
            }
            put(hole, times[parent], keys[parent]);
            hole = parent;
        }
        put(hole, time, key);
    }

    private void siftDown(int hole, long time, long key) {
        while (true) {
            int first = ARITY * hole + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            int end = Math.min(first + ARITY, size);
            for (int other = first + 1; other < end; other++) {
                if (before(times[other], keys[other], times[child], keys[child])) {
                    child = other;
                }
            }
            if (!before(times[child], keys[child], time, key)) {
                break;
            }
            put(hole, times[child], keys[child]);
            hole = child;
        }
        put(hole, time, key);
    }

    private static int parentOf(int heapIndex) {
        return (heapIndex - 1) / ARITY;
    }

    /** Whether (timeA, keyA) comes first; keys are unique, and in scheduling order by their high bits. */
    private static boolean before(long timeA, long keyA, long timeB, long keyB) {
        return timeA < timeB || (timeA == timeB && keyA < keyB);
    }

    private void put(int heapIndex, long time, long key) {
        times[heapIndex] = time;
        keys[heapIndex] = key;
        heapIndexOfSlot[(int) (key & SLOT_MASK)] = heapIndex;
    }

    /** Doubles the heap and the slots together: there are never more slots in use than entries. */
    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        keys = Arrays.copyOf(keys, capacity);
        events = Arrays.copyOf(events, capacity);
        heapIndexOfSlot = Arrays.copyOf(heapIndexOfSlot, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
