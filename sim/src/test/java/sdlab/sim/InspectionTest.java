package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A look at the nodes at a step: the state that step left, and the run stops after the last look. */
class InspectionTest {
    private static final NetworkConfig TWO_MS = NetworkConfig.reliable(Latency.constant(ms(2)));

    @Test
    void aLookSeesTheNodesAsTheStepLeftThemAndTheRunStopsAfterTheLastLook() {
        SimResult whole = run(Steering.NONE);
        int step = 10;
        List<String> seen = new ArrayList<>();

        SimResult looked = run(new Steering(
                List.of(),
                List.of(
                        new Inspection(3, nodes -> seen.add("3 at " + nodes.nowNanos())),
                        new Inspection(
                                step,
                                nodes -> seen.add(step + " at " + nodes.nowNanos() + " " + nodes.ids() + " up "
                                        + nodes.node(B).isPresent())))));

        assertThat(seen)
                .containsExactly(
                        "3 at " + whole.trace().get(3).timeNanos(),
                        step + " at " + whole.trace().get(step).timeNanos() + " [a, b] up true");
        assertThat(looked.trace())
                .isEqualTo(whole.trace().subList(0, looked.trace().size()));
        assertThat(looked.trace().size())
                .isGreaterThan(step)
                .isLessThan(whole.trace().size());
    }

    @Test
    void aLookAtAForksStepSeesTheStateBeforeTheChange() {
        List<Boolean> up = new ArrayList<>();
        SimResult whole = run(Steering.NONE);
        int step = 5;

        run(new Steering(
                List.of(new Fork(step, new Intervention.CrashNode(B, ms(5)))),
                List.of(
                        new Inspection(step, nodes -> up.add(nodes.node(B).isPresent())),
                        new Inspection(step + 2, nodes -> up.add(nodes.node(B).isPresent())))));

        assertThat(whole.trace().size()).isGreaterThan(step + 2);
        assertThat(up).containsExactly(true, false);
    }

    @Test
    void aLookPastTheRunsEndSaysSo() {
        assertThatThrownBy(() -> run(new Steering(List.of(), List.of(new Inspection(1_000_000, nodes -> {})))))
                .isInstanceOf(ForkException.class)
                .hasMessageContaining("never reached step 1000001 to look at it");
    }

    private static SimResult run(Steering steering) {
        return Simulation.builder(7)
                .network(TWO_MS)
                .addNode(A, id -> new PingerNode(B, 6, ms(1), Scenarios.log()))
                .addNode(B, id -> new EchoNode(Scenarios.log()))
                .recordTrace(true)
                .steer(steering)
                .build()
                .run(Duration.ofSeconds(1));
    }
}
