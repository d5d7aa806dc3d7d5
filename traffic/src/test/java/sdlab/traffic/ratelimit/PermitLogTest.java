package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermitLogTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 16, 17, 100})
    void theRingAgreesWithAQueueThroughGrowthAndWrapAround(int capacityMax) {
        // Shows: whatever the bound (powers of two or not), entries come out oldest first with their
        // permits, and equal times merge, over many wraps of the ring.
        PermitLog log = new PermitLog(capacityMax);
        ArrayDeque<long[]> reference = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(capacityMax);
        long time = 0;
        for (int step = 0; step < 20_000; step++) {
            if (reference.size() < capacityMax && random.nextInt(3) > 0) {
                time += random.nextInt(2); // 0: same time as the newest entry, so it merges
                long count = 1 + random.nextInt(4);
                log.add(time, count);
                if (!reference.isEmpty() && reference.peekLast()[0] == time) {
                    reference.peekLast()[1] += count;
                } else {
                    reference.addLast(new long[] {time, count});
                }
            } else if (!reference.isEmpty()) {
                assertThat(log.oldestTimeNanos()).isEqualTo(reference.peekFirst()[0]);
                assertThat(log.removeOldest()).isEqualTo(reference.pollFirst()[1]);
            }
            assertThat(log.size()).isEqualTo(reference.size());
            if (!reference.isEmpty()) {
                assertThat(log.newestTimeNanos()).isEqualTo(reference.peekLast()[0]);
                assertThat(log.permitsAt(0)).isEqualTo(reference.peekFirst()[1]);
            }
        }
    }

    @Test
    void aFullLogRefusesAnotherEntry() {
        // Shows: the bound is the number of entries asked for, not the power of two behind it.
        PermitLog log = new PermitLog(5);
        for (long t = 0; t < 5; t++) {
            log.add(t, 1);
        }

        assertThatThrownBy(() -> log.add(99, 1)).isInstanceOf(IllegalStateException.class);
        log.add(4, 1); // the same time as the newest merges, so it still fits
        assertThat(log.permitsAt(4)).isEqualTo(2);
    }
}
