package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.Fork;
import sdlab.sim.Intervention;
import sdlab.sim.TraceEvent;

/**
 * A fork that crashes the origin halfway: the origin restarts as a fresh object, and the chapter's count of what it
 * served still covers the whole run, both lives, as the trace shows it.
 */
class CachingLayersForkTest {
    private static final CachingLayersExperiment EXPERIMENT = new CachingLayersExperiment();

    @Test
    void theOriginsResponsesAreCountedOverBothLivesOfAForkedCrash() {
        ParamValues values = ParamValues.defaults(EXPERIMENT.params());
        String variant = EXPERIMENT.variants(values).getFirst().name();
        List<TraceEvent> trace = Sweep.replay(EXPERIMENT, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant)
                .trace();
        int middle = trace.size() / 2;

        SeedRun fork = Sweep.fork(
                EXPERIMENT,
                values,
                1,
                variant,
                List.of(new Fork(middle, new Intervention.CrashNode(OriginNode.ID, Duration.ofMillis(1)))));

        assertThat(fork.trace()).anySatisfy(event -> assertThat(event.kind()).isEqualTo(TraceEvent.Kind.RESTART));
        long sentBeforeTheCrash = responsesSent(fork.trace().subList(0, middle + 1));
        long sent = responsesSent(fork.trace());
        assertThat(sentBeforeTheCrash).isPositive().isLessThan(sent);
        assertThat(fork.counter(LayersMeasurements.ORIGIN_RESPONSES)).isEqualTo(sent);
    }

    private static long responsesSent(List<TraceEvent> events) {
        return events.stream()
                .filter(event -> event.kind() == TraceEvent.Kind.SEND
                        && OriginNode.ID.equals(event.node())
                        && event.detail().startsWith("HttpResponse"))
                .count();
    }
}
