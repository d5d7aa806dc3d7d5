package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventQueueTest {

    /** An event that remembers its key; the model sorts by the same (time, sequence) order. */
    private static final class Probe extends EventQueue.Removable {
        final long timeNanos;
        final long order;

        Probe(long timeNanos, long order) {
            this.timeNanos = timeNanos;
            this.order = order;
        }

        @Override
        public void fire(Engine engine) {}
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void removingEventsLeavesTheOthersInTimeThenSchedulingOrder(long seed) {
        // Random adds, polls and removals (some of events already gone) agree with a sorted list; the agenda grows
        // to hundreds of events, so both tiers (the row of soonest events and the heap) take part.
        assertThat(firstDisagreement(new EventQueue(), seed, 5_000, 50)).isNull();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aSmallAgendaFullOfTiesStaysInSchedulingOrder(long seed) {
        // As in a simulation: few events waiting, many due at the same instant (five times only).
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue();
        List<Probe> model = new ArrayList<>();
        int order = 0;
        for (int step = 0; step < 5_000; step++) {
            if (model.size() < 40 && random.nextBoolean()) {
                Probe probe = new Probe(random.nextLong(5), order++);
                queue.add(probe.timeNanos, probe);
                model.add(probe);
            } else if (!model.isEmpty()) {
                Probe expected = earliest(model);
                assertThat(queue.poll()).isSameAs(expected);
                model.remove(expected);
            }
        }
    }

    @Test
    void eventsOverflowingTheRowComeOutInOrderFromBothTiers() {
        // Falling times push each earlier event into the row and the row's latest into the heap; rising times land
        // between the full row and the heap, or in the heap.
        EventQueue queue = new EventQueue();
        List<Probe> model = new ArrayList<>();
        int order = 0;
        for (long time = 300; time > 0; time--) {
            Probe probe = new Probe(time, order++);
            queue.add(time, probe);
            model.add(probe);
        }
        for (long time = 150; time < 450; time += 3) {
            Probe probe = new Probe(time, order++);
            queue.add(time, probe);
            model.add(probe);
        }
        for (int i = 0; i < 100; i += 7) {
            queue.remove(model.get(i * 3));
            model.remove(i * 3);
        }
        while (!model.isEmpty()) {
            Probe expected = earliest(model);
            assertThat(queue.peekTime()).isEqualTo(expected.timeNanos);
            assertThat(queue.poll()).isSameAs(expected);
            model.remove(expected);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void removeMatchingTakesTheEarliestMatchingEventFromEitherTier() {
        EventQueue queue = new EventQueue();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Probe probe = new Probe(1_000 - i, i);
            probes.add(probe);
            queue.add(probe.timeNanos, probe);
        }
        // Probes 0 to 135 (due 1,000 down to 865) wait in the heap, the 64 soonest in the row.
        EventQueue.Due fromHeap = queue.removeMatching(e -> ((Probe) e).order < 10);
        assertThat(fromHeap.event()).isSameAs(probes.get(9));
        assertThat(fromHeap.timeNanos()).isEqualTo(991);
        EventQueue.Due fromRow = queue.removeMatching(e -> ((Probe) e).order % 2 == 0);
        assertThat(fromRow.event()).isSameAs(probes.get(198));
        assertThat(queue.removeMatching(e -> false)).isNull();
        assertThat(queue.size()).isEqualTo(198);
        queue.remove(probes.get(9)); // already gone: nothing happens
        assertThat(queue.size()).isEqualTo(198);
    }

    /**
     * The order of a simulation-like schedule (messages due soon, timeouts due late and mostly cancelled, many ties),
     * hashed. The golden value is what the 4-ary heap this queue replaced gave for the same schedule (its class, from
     * the build before, ran this method's code): the two-tier queue must fire every run's events in the same order.
     */
    @Test
    void firesASimulationLikeScheduleInTheSameOrderAsTheHeapItReplaced() {
        assertThat(orderHash(new EventQueue(), 42)).isEqualTo(GOLDEN_ORDER_HASH_SEED_42);
    }

    @Test
    void plantedBugQueueThatReversesTiesIsCaughtByTheOrderCheckAndTheGoldenOrder() {
        // A queue that fires events due at the same instant last scheduled first: the checks must notice.
        assertThat(firstDisagreement(EventQueue.withTiesReversedForTesting(), 1, 5_000, 50))
                .isNotNull();
        assertThat(orderHash(EventQueue.withTiesReversedForTesting(), 42)).isNotEqualTo(GOLDEN_ORDER_HASH_SEED_42);
    }

    @Test
    void theSameScheduleGivesTheSameOrderEveryTime() {
        assertThat(orderHash(new EventQueue(), 7)).isEqualTo(orderHash(new EventQueue(), 7));
    }

    /** {@code orderHash(queue, 42)} for the 4-ary heap of commit 4c0b78c. */
    private static final long GOLDEN_ORDER_HASH_SEED_42 = 505411921008516175L;

    /** Null if {@code queue} agreed with a sorted list over random adds, polls and removals, else what differed. */
    private static String firstDisagreement(EventQueue queue, long seed, int steps, int timeRange) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Probe> model = new ArrayList<>();
        List<Probe> everAdded = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(10);
            if (action < 5) {
                Probe probe = new Probe(random.nextLong(timeRange), everAdded.size());
                queue.add(probe.timeNanos, probe);
                model.add(probe);
                everAdded.add(probe);
            } else if (action < 8 && !everAdded.isEmpty()) {
                Probe victim = everAdded.get(random.nextInt(everAdded.size()));
                queue.remove(victim);
                model.remove(victim);
            } else if (!model.isEmpty()) {
                Probe expected = earliest(model);
                Probe actual = (Probe) queue.poll();
                model.remove(expected);
                if (actual != expected) {
                    return "step " + step + ": polled order " + actual.order + ", expected " + expected.order;
                }
            }
            if (queue.size() != model.size()) {
                return "step " + step + ": size " + queue.size() + ", expected " + model.size();
            }
        }
        while (!model.isEmpty()) {
            Probe expected = earliest(model);
            if (queue.poll() != expected) {
                return "draining: expected order " + expected.order;
            }
            model.remove(expected);
        }
        return queue.isEmpty() ? null : "events left over";
    }

    /**
     * Runs a schedule shaped like a simulation's and hashes the order events come out in: each fired event schedules
     * up to two messages (due within a few microseconds, on a coarse grid so that many tie) and sometimes a timeout
     * (due a hundred times later) that a later event cancels most of the time.
     */
    static long orderHash(EventQueue queue, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Probe> timeouts = new ArrayList<>();
        long hash = 0xcbf29ce484222325L;
        int order = 0;
        long now = 0;
        for (int i = 0; i < 8; i++) {
            Probe start = new Probe(0, order++);
            queue.add(0, start);
        }
        for (int fired = 0; fired < 200_000 && !queue.isEmpty(); fired++) {
            now = queue.peekTime();
            Probe event = (Probe) queue.poll();
            hash = (hash ^ event.order) * 0x100000001b3L;
            int messages = random.nextInt(3);
            for (int m = 0; m < messages && queue.size() < 400; m++) {
                long due = now + 100 * (1 + random.nextInt(20));
                queue.add(due, new Probe(due, order++));
            }
            if (random.nextInt(4) == 0) {
                long due = now + 100_000 + random.nextInt(1_000);
                Probe timeout = new Probe(due, order++);
                queue.add(due, timeout);
                timeouts.add(timeout);
            }
            if (!timeouts.isEmpty() && random.nextInt(5) < 4) {
                queue.remove(timeouts.remove(random.nextInt(timeouts.size())));
            }
        }
        return hash;
    }

    private static Probe earliest(List<Probe> probes) {
        Probe best = probes.get(0);
        for (Probe probe : probes) {
            if (probe.timeNanos < best.timeNanos || (probe.timeNanos == best.timeNanos && probe.order < best.order)) {
                best = probe;
            }
        }
        return best;
    }
}
