package sdlab.chapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sdlab.chapters.cache.ServiceQueue.Admission;

class ServiceQueueTest {

    @Test
    void requestsBeyondTheWorkersWaitAndStartInArrivalOrder() {
        // Shows: two workers serve two requests at once; the third and fourth wait, first come first served.
        ServiceQueue<String> queue = new ServiceQueue<>(2, 10);
        assertThat(queue.offer("a")).isEqualTo(Admission.STARTED);
        assertThat(queue.offer("b")).isEqualTo(Admission.STARTED);
        assertThat(queue.offer("c")).isEqualTo(Admission.QUEUED);
        assertThat(queue.offer("d")).isEqualTo(Admission.QUEUED);

        assertThat(queue.finish()).contains("c");
        assertThat(queue.finish()).contains("d");
        assertThat(queue.busy()).isEqualTo(2);
        assertThat(queue.finish()).isEmpty();
        assertThat(queue.busy()).isEqualTo(1);
    }

    @Test
    void aFullLineRejectsArrivals() {
        // Shows: the line is bounded; an arrival beyond it is rejected, not queued.
        ServiceQueue<Integer> queue = new ServiceQueue<>(1, 1);
        queue.offer(1);
        queue.offer(2);
        assertThat(queue.offer(3)).isEqualTo(Admission.REJECTED);
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void aQueueNeedsAWorker() {
        // Shows: zero workers is a programming mistake, reported at once.
        assertThatThrownBy(() -> new ServiceQueue<>(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
