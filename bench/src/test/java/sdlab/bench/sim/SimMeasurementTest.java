package sdlab.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sdlab.kv.quorum.QuorumConfig;

class SimMeasurementTest {
    @Test
    void sumsAddEveryCount() {
        // Adding two measurements adds each count, so rates over the sum weight rounds by their length.
        SimMeasurement a = new SimMeasurement("w", 1, 100, 50, 10, 20, 1_000, 2);
        SimMeasurement b = new SimMeasurement("w", 2, 300, 150, 30, 40, 3_000, 4);

        assertThat(a.plus(b)).isEqualTo(new SimMeasurement("w", 3, 400, 200, 40, 60, 4_000, 6));
        assertThat(a.plus(b).deliveriesPerSecond()).isEqualTo(40 * 1e9 / 400);
    }

    @Test
    void anUnknownCpuTimeStaysUnknown() {
        // One round without a CPU reading makes the sum's CPU time unknown rather than too small.
        SimMeasurement known = new SimMeasurement("w", 1, 100, 50, 10, 20, 1_000, 2);
        SimMeasurement unknown = new SimMeasurement("w", 1, 100, -1, 10, 20, 1_000, 2);

        assertThat(known.plus(unknown).cpuNanos()).isEqualTo(-1);
        assertThat(known.plus(unknown).deliveriesPerCpuSecond()).isZero();
    }

    @Test
    void nothingMeasuredHasNoRates() {
        // Before any round, every rate is zero rather than a division by zero.
        SimMeasurement none = SimMeasurement.none("w");

        assertThat(none.deliveriesPerSecond()).isZero();
        assertThat(none.virtualToWallRatio()).isZero();
        assertThat(none.deliveriesPerOperation()).isZero();
    }

    @Test
    void aWorkloadNeedsNodesForItsReplicas() {
        // Fewer nodes than N replicas is a mistake the workload names.
        assertThatThrownBy(() -> new SimWorkload(
                        "bad", QuorumConfig.of(5, 3, 3), 3, 1, 1, 1, 0.5, Duration.ofMillis(1), 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n=5");
    }

    @Test
    void builtInWorkloadsAreFoundByName() {
        // The names the command line accepts are the built-in workloads' names.
        assertThat(SimWorkload.byName(SimWorkload.QUORUM)).contains(SimWorkload.quorum());
        assertThat(SimWorkload.byName(SimWorkload.MESSAGE_HEAVY)).contains(SimWorkload.messageHeavy());
        assertThat(SimWorkload.byName("nope")).isEmpty();
    }
}
