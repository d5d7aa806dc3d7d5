package sdlab.sim;

/**
 * The agenda's soonest events, at most {@link #CAPACITY}, kept in a sorted row: the latest at index 0, the next to
 * fire at the end. Taking the next event is then a read at the end, with no sifting; adding one walks from the end,
 * and a new event is nearly always due soon (a message in flight, a disk sync), so the walk and the shift that makes
 * room are a few entries long. A timeout, due later than everything waiting, walks the whole row: at most
 * {@link #CAPACITY} entries, which is why the row is bounded and {@link EventQueue} keeps the rest in a heap.
 *
 * <p>Entries are ordered by (time, sequence number), the same total order the heap uses, so which of the two holds an
 * event never changes when it fires.
 */
final class SoonestEvents {

    /**
     * Entries kept at most. Chapter 10's agenda holds 11 events on average and 56 at most, so it never leaves the row;
     * an agenda of thousands keeps its soonest 64 here, where an insertion moves at most half a kilobyte per array.
     */
    static final int CAPACITY = 64;

    // Index 0 is the latest entry, index size - 1 the soonest.
    private final long[] times = new long[CAPACITY];
    private final long[] seqs = new long[CAPACITY];
    private final SimEvent[] events = new SimEvent[CAPACITY];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    /** The time of the soonest entry; the row must not be empty. */
    long soonestTime() {
        return times[size - 1];
    }

    /** Whether the row's latest entry comes before (time, seq); the row must not be empty. */
    boolean latestBefore(long timeNanos, long seq) {
        return EventQueue.before(times[0], seqs[0], timeNanos, seq);
    }

    /** Inserts an event in (time, sequence) order; the row must not be full. */
    void insert(long timeNanos, long seq, SimEvent event) {
        assert size < CAPACITY : "the row of soonest events is full";
        int at = size;
        while (at > 0 && EventQueue.before(times[at - 1], seqs[at - 1], timeNanos, seq)) {
            at--;
        }
        // Entries at and after `at` come first: they move one place towards the end.
        int moved = size - at;
        System.arraycopy(times, at, times, at + 1, moved);
        System.arraycopy(seqs, at, seqs, at + 1, moved);
        System.arraycopy(events, at, events, at + 1, moved);
        times[at] = timeNanos;
        seqs[at] = seq;
        events[at] = event;
        size++;
        if (event instanceof EventQueue.Removable removable) {
            removable.soonTimeNanos = timeNanos;
            removable.soonSeq = seq;
        }
    }

    /** Removes and returns the soonest entry; the row must not be empty. */
    SimEvent takeSoonest() {
        int last = --size;
        SimEvent event = events[last];
        events[last] = null;
        return event;
    }

    /** Removes the latest entry and hands it, with its time and sequence number, to {@code heap}. */
    void moveLatestTo(EventHeap heap) {
        long time = times[0];
        long seq = seqs[0];
        SimEvent event = events[0];
        removeAt(0);
        if (event instanceof EventQueue.Removable removable) {
            removable.soonSeq = EventQueue.NOT_SOON;
        }
        heap.add(time, seq, event);
    }

    /** Removes the entry with this time and sequence number, which must be in the row. */
    void remove(long timeNanos, long seq) {
        int at = size - 1;
        while (times[at] != timeNanos || seqs[at] != seq) {
            at--;
        }
        removeAt(at);
    }

    /** The entry {@code wanted} accepts, removed, with its time; null if none. */
    EventQueue.Due removeMatching(java.util.function.Predicate<SimEvent> wanted) {
        for (int at = size - 1; at >= 0; at--) {
            SimEvent event = events[at];
            if (wanted.test(event)) {
                long time = times[at];
                removeAt(at);
                return new EventQueue.Due(time, event);
            }
        }
        return null;
    }

    private void removeAt(int at) {
        int moved = size - at - 1;
        System.arraycopy(times, at + 1, times, at, moved);
        System.arraycopy(seqs, at + 1, seqs, at, moved);
        System.arraycopy(events, at + 1, events, at, moved);
        events[--size] = null;
    }
}
