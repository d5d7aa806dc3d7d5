package sdlab.chapters.repl.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;

/**
 * The traffic figures are counts from the network, not a formula: every message the simulator counted is in the
 * tally, and the copies follow what the patterns do when their settings change.
 */
class TrafficTest {
    private final RedundancyExperiment experiment = new RedundancyExperiment();

    private SeedRun run(ParamValues values, String variant) {
        return Sweep.replay(experiment, values, 3, Optional.of(variant))
                .runsByVariant()
                .get(variant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read-replicas", "primary-standby", "active-active", "cold-standby"})
    void theTallyHoldsEveryMessageTheSimulatorSent(String variant) {
        SeedRun run = run(ParamValues.defaults(experiment.params()), variant);

        assertThat(run.counter(RedundancyMeasurements.MESSAGES_TALLIED))
                .isPositive()
                .isEqualTo(run.counter(RedundancyMeasurements.MESSAGES_SENT));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void readReplicasCopyEachWriteOncePerReplica(int replicas) {
        ParamValues values = ParamValues.defaults(experiment.params())
                .with(RedundancyParams.READ_REPLICAS, String.valueOf(replicas));

        assertThat(RedundancyClaims.copies(run(values, "read-replicas"))).isCloseTo(replicas, within(0.15 * replicas));
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary-standby", "active-active", "cold-standby"})
    void aLargerValueAddsItsBytesOncePerCopy(String variant) {
        // Shows: 900 more bytes per value add about 900 bytes to each client write and to each copy, nothing to the
        // feedback: the bytes are those of the messages sent.
        ParamValues small = ParamValues.defaults(experiment.params());
        ParamValues large = small.with(RedundancyParams.VALUE_BYTES, "1000");
        SeedRun before = run(small, variant);
        SeedRun after = run(large, variant);

        double copies = RedundancyClaims.copies(after);
        assertThat(perWrite(after, RedundancyMeasurements.COPY_BYTES)
                        - perWrite(before, RedundancyMeasurements.COPY_BYTES))
                .isCloseTo(900 * copies, within(0.1 * 900 * copies));
        assertThat(perWrite(after, RedundancyMeasurements.WRITE_BYTES)
                        - perWrite(before, RedundancyMeasurements.WRITE_BYTES))
                .isCloseTo(900, within(10.0));
    }

    private static double perWrite(SeedRun run, String counter) {
        return (double) run.counter(counter) / run.counter(RedundancyMeasurements.STEADY_WRITES);
    }
}
