package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;

/**
 * No trace prints an object's identity. A replay command is run in another JVM than the sweep that printed it, and its
 * trace hash is computed from the events' text: a lambda or an object without its own {@code toString} prints an
 * identity hash code ({@code KeyHash$$Lambda/0x...@553fd310}), which changes from one JVM to the next, and so would
 * the hash of a seed that should replay to the same bytes. (Chapter 15's routing tables did, until their hash got a
 * name.) Iteration orders of {@code Map.of} and {@code Set.of}, which also change between JVMs, are not visible in one
 * JVM's text; {@code sdlab run X --seed 3 --trace} run twice and compared is the check for those.
 */
class TraceTextTest {
    /** A lambda's class name, or a class name followed by an identity hash code, as Object.toString writes them. */
    private static final Pattern IDENTITY = Pattern.compile("\\$\\$Lambda|[A-Za-z0-9_$]@[0-9a-f]{4,8}\\b");

    static Stream<Experiment> experiments() {
        return ExperimentCatalog.load().all().stream();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyEventOfSeedOneReadsTheSameInEveryJvm(Experiment experiment) {
        ParamValues values = ParamValues.defaults(experiment.params());
        for (SeedRun run : Sweep.replay(experiment, values, 1, Optional.empty())
                .runsByVariant()
                .values()) {
            List<String> identities = run.trace().stream()
                    .map(TraceEvent::detail)
                    .filter(detail -> IDENTITY.matcher(detail).find())
                    .limit(3)
                    .toList();
            assertThat(identities).as(experiment.id()).isEmpty();
        }
    }
}
