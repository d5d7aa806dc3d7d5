package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
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
        // Random adds, polls and removals (some of events already gone) agree with a sorted list.
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue();
        List<Probe> model = new ArrayList<>();
        List<Probe> everAdded = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            int action = random.nextInt(10);
            if (action < 5) {
                Probe probe = new Probe(random.nextLong(50), everAdded.size());
                queue.add(probe.timeNanos, probe);
                model.add(probe);
                everAdded.add(probe);
            } else if (action < 8 && !everAdded.isEmpty()) {
                Probe victim = everAdded.get(random.nextInt(everAdded.size()));
                queue.remove(victim);
                model.remove(victim);
            } else if (!model.isEmpty()) {
                Probe expected = earliest(model);
                assertThat(queue.peekTime()).isEqualTo(expected.timeNanos);
                assertThat(queue.poll()).isSameAs(expected);
                model.remove(expected);
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            Probe expected = earliest(model);
            assertThat(queue.poll()).isSameAs(expected);
            model.remove(expected);
        }
        assertThat(queue.isEmpty()).isTrue();
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
