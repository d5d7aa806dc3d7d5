package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.Fork;
import sdlab.sim.Intervention;
import sdlab.sim.TraceEvent;

/**
 * Every chapter that says it takes forks passes them to the simulation it traces: a message in flight halfway through
 * seed 1 is dropped, and the fork is the seed's own run up to that step, then the change, then its own run. A chapter
 * that said so without passing them on would run the seed unchanged, and fail here.
 */
class ForkContractTest {
    static Stream<Experiment> forkable() {
        return ExperimentCatalog.load().all().stream().filter(Experiment::takesForks);
    }

    @ParameterizedTest
    @MethodSource("forkable")
    void aForkIsTheSeedUpToItsStepThenTheChange(Experiment experiment) {
        ParamValues values = ParamValues.defaults(experiment.params());
        String variant = experiment.variants(values).getFirst().name();
        SeedRun original = Sweep.replay(experiment, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant);
        List<TraceEvent> trace = original.trace();
        int step = inFlightStep(trace);
        long message = messageInFlightAt(trace, step);

        SeedRun fork = Sweep.fork(
                experiment, values, 1, variant, List.of(new Fork(step, new Intervention.DropMessage(message))));

        assertThat(fork.trace().subList(0, step + 1)).isEqualTo(trace.subList(0, step + 1));
        assertThat(fork.trace()).as(experiment.id()).anySatisfy(event -> assertThat(event.detail())
                .isEqualTo("fork after step " + (step + 1) + ": drop message #" + message));
        assertThat(fork.trace()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(TraceEvent.Kind.DROP);
            assertThat(event.messageId()).isEqualTo(message);
            assertThat(event.detail()).startsWith("dropped by a fork");
        });
    }

    /** The first step from the middle of the trace at which some message is in flight. */
    private static int inFlightStep(List<TraceEvent> trace) {
        for (int step = trace.size() / 2; step < trace.size(); step++) {
            if (messageInFlightAt(trace, step) > 0) {
                return step;
            }
        }
        throw new AssertionError("no message in flight in the second half of the trace");
    }

    private static long messageInFlightAt(List<TraceEvent> trace, int step) {
        Map<Long, Integer> sent = new HashMap<>();
        for (int index = 0; index <= step; index++) {
            TraceEvent event = trace.get(index);
            switch (event.kind()) {
                case SEND, DUPLICATE -> sent.put(event.messageId(), index);
                case DELIVER, DROP -> sent.remove(event.messageId());
                default -> {}
            }
        }
        return sent.keySet().stream().min(Long::compare).orElse(0L);
    }
}
