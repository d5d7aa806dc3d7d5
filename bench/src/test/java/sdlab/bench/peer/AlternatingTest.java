package sdlab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternatingTest {

    @Test
    void theSidesTakeTurnsGoingFirst() {
        // Over four rounds each side goes first twice, so a machine that slows down steadily
        // does not favour either.
        List<String> order = new ArrayList<>();
        Alternating.Runs<Integer> runs = Alternating.run(
                4,
                () -> {
                    order.add("sdlab");
                    return order.size();
                },
                () -> {
                    order.add("peer");
                    return order.size();
                });

        assertThat(order).containsExactly("sdlab", "peer", "peer", "sdlab", "sdlab", "peer", "peer", "sdlab");
        assertThat(runs.sdlab()).containsExactly(1, 4, 5, 8);
        assertThat(runs.peer()).containsExactly(2, 3, 6, 7);
    }

    @Test
    void theMedianIsTakenPerFigureAndErrorsAreAdded() {
        // The run with the best throughput need not be the one with the best p99: each figure
        // has its own median, and one slow spell moves neither.
        List<LoadFigures> runs =
                List.of(new LoadFigures(100, 9.0, 1), new LoadFigures(40, 1.0, 0), new LoadFigures(90, 2.0, 2));

        assertThat(Alternating.median(runs)).isEqualTo(new LoadFigures(90, 2.0, 3));
        assertThat(Alternating.median(runs.subList(0, 2))).isEqualTo(new LoadFigures(70, 5.0, 1));
        assertThatThrownBy(() -> Alternating.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Alternating.run(0, () -> 1, () -> 2)).hasMessageContaining("at least one round");
    }
}
