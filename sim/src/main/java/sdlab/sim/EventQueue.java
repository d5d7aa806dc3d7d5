package sdlab.sim;

import java.util.function.Predicate;

/**
 * The simulation's agenda: events ordered by (time, sequence number). The sequence number is the order of
 * scheduling, so events at the same virtual time run in the order they were scheduled, on every run.
 *
 * <p>Two tiers. The soonest events wait in a short sorted row ({@link SoonestEvents}), where taking the next one
 * costs a read and adding one a short walk from the soon end; whatever is later than the row can hold waits in a
 * 4-ary heap ({@link EventHeap}). Every event in the row comes before every event in the heap, so the next event is
 * always the row's soonest, or the heap's earliest when the row is empty. A run's agenda is usually small (chapter 10's
 * holds 11 events on average, 56 at most), so it lives in the row and never pays the heap's sifting, which was a
 * sixth of a warm sweep's CPU time; an agenda of thousands still costs O(log n) per event, plus a bounded shift.
 *
 * <p>Which tier holds an event never changes when it fires: both keep the same total order, and an event moves from
 * the row to the heap only as the row's latest, which comes before everything in the heap.
 *
 * <p>{@link Removable} events can leave before they are due. Timers need this: nearly every request sets a timeout
 * that its reply cancels, and leaving cancelled timers in the agenda until they came due made it hundreds of times
 * larger than the events that still matter.
 */
final class EventQueue {

    /** An event that may leave the queue before it is due; it remembers where it waits. */
    abstract static class Removable implements SimEvent {
        /** The slot in the heap, or {@link EventHeap#NO_SLOT} when the event is not there. */
        int heapSlot = EventHeap.NO_SLOT;
        /** The sequence number while the event waits in the row of soonest events, else {@link #NOT_SOON}. */
        long soonSeq = NOT_SOON;
        /** The due time while the event waits in the row of soonest events. */
        long soonTimeNanos;
    }

    static final long NOT_SOON = -1;

    private final SoonestEvents soonest = new SoonestEvents();
    private final EventHeap later = new EventHeap();
    private final long seqStep;
    private long nextSeq;

    EventQueue() {
        this(0, 1);
    }

    private EventQueue(long seqFirst, long seqStep) {
        this.nextSeq = seqFirst;
        this.seqStep = seqStep;
    }

    /**
     * A planted bug for tests: sequence numbers count down, so events due at the same time come out last scheduled
     * first. Tests show that the order checks and the golden order catch it.
     */
    static EventQueue withTiesReversedForTesting() {
        return new EventQueue(1L << 36, -1);
    }

    int size() {
        return soonest.size() + later.size();
    }

    boolean isEmpty() {
        return soonest.isEmpty() && later.isEmpty();
    }

    void add(long timeNanos, SimEvent event) {
        long seq = nextSeq;
        nextSeq += seqStep;
        boolean beforeLater = later.isEmpty() || before(timeNanos, seq, later.peekTime(), later.peekSeq());
        if (beforeLater && soonest.isFull() && soonest.latestBefore(timeNanos, seq)) {
            // Later than the whole full row, earlier than the heap: the heap's new earliest.
            later.add(timeNanos, seq, event);
        } else if (beforeLater) {
            if (soonest.isFull()) {
                soonest.moveLatestTo(later);
            }
            soonest.insert(timeNanos, seq, event);
        } else {
            later.add(timeNanos, seq, event);
        }
    }

    /** The time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return soonest.isEmpty() ? later.peekTime() : soonest.soonestTime();
    }

    /** Removes and returns the earliest event; the queue must not be empty. */
    SimEvent poll() {
        if (soonest.isEmpty()) {
            return later.poll();
        }
        SimEvent first = soonest.takeSoonest();
        if (first instanceof Removable removable) {
            removable.soonSeq = NOT_SOON;
        }
        return first;
    }

    /** Takes {@code event} out of the queue; does nothing if it already left (fired or removed). */
    void remove(Removable event) {
        if (event.soonSeq != NOT_SOON) {
            soonest.remove(event.soonTimeNanos, event.soonSeq);
            event.soonSeq = NOT_SOON;
        } else if (event.heapSlot != EventHeap.NO_SLOT) {
            later.remove(event);
        }
    }

    /**
     * Takes out the earliest waiting event {@code wanted} accepts, with its due time, or returns null if none does. It
     * looks at every event: for a one-off change made by hand ({@link Fork}), never on a run's hot path.
     */
    Due removeMatching(Predicate<SimEvent> wanted) {
        Due due = soonest.removeMatching(wanted);
        if (due != null) {
            if (due.event() instanceof Removable removable) {
                removable.soonSeq = NOT_SOON;
            }
            return due;
        }
        return later.removeMatching(wanted);
    }

    /** An event taken out of the queue and the time it was due. */
    record Due(long timeNanos, SimEvent event) {}

    /** Whether (timeA, seqA) comes first; sequence numbers are unique, so this is a total order. */
    static boolean before(long timeA, long seqA, long timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }
}
