package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.sim.Inspection;
import sdlab.sim.LiveNodes;
import sdlab.sim.Steering;

/**
 * An inspected run stops after its last look, so a chapter may refuse to measure what it ran; the looks still stand.
 * A run that fails before its looks, or a fork that fails, is still the experiment's failure.
 */
class SteerTest {
    private static final ParamValues NO_VALUES = ParamValues.defaults(List.of());

    /** Takes {@code looksTaken} of the looks it is given (as a simulation stopped early would), then throws. */
    private static final class RefusesShortRuns extends CountingExperiment {
        private final int looksTaken;

        RefusesShortRuns(int looksTaken) {
            this.looksTaken = looksTaken;
        }

        @Override
        public boolean takesForks() {
            return true;
        }

        @Override
        public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
            options.steering().inspections().stream()
                    .limit(looksTaken)
                    .forEach(inspection -> inspection.look().accept(NOBODY));
            throw new IllegalStateException("no replica was promoted by the end of the run");
        }
    }

    @Test
    void aChapterThatRefusesToMeasureARunStoppedAtItsLastLookStillGivesTheLooks() {
        List<Long> looked = new ArrayList<>();
        Steering twoLooks = new Steering(
                List.of(),
                List.of(
                        new Inspection(3, nodes -> looked.add(nodes.eventNumber())),
                        new Inspection(4, nodes -> looked.add(nodes.eventNumber()))));

        SeedRun run = Sweep.steer(new RefusesShortRuns(2), NO_VALUES, 1, "only", twoLooks);

        assertThat(looked).hasSize(2);
        assertThat(run.counters()).isEmpty();
        assertThat(run.findings())
                .singleElement()
                .asString()
                .startsWith("measured nothing: the run stopped after its last look")
                .contains("no replica was promoted");
    }

    @Test
    void aRunThatFailsBeforeItsLastLookIsTheExperimentsFailure() {
        Steering twoLooks =
                new Steering(List.of(), List.of(new Inspection(3, nodes -> {}), new Inspection(4, nodes -> {})));

        assertThatThrownBy(() -> Sweep.steer(new RefusesShortRuns(1), NO_VALUES, 1, "only", twoLooks))
                .isInstanceOf(SweepFailure.class)
                .hasMessageContaining("no replica was promoted");
    }

    private static final LiveNodes NOBODY = new LiveNodes() {
        @Override
        public List<NodeId> ids() {
            return List.of();
        }

        @Override
        public Optional<Node> node(NodeId id) {
            return Optional.empty();
        }

        @Override
        public long nowNanos() {
            return 0;
        }

        @Override
        public long eventNumber() {
            return 7;
        }
    };
}
