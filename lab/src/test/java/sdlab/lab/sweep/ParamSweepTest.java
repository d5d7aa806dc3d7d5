package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.VariantResult;
import sdlab.lab.toy.CoinExperiment;

class ParamSweepTest {
    private final CoinExperiment coin = new CoinExperiment();

    @Test
    void eachPointIsTheMetricOfThatSeedAloneAtThatValueAsAOneSeedSweepReportsIt() {
        ParamValues defaults = ParamValues.defaults(coin.params());

        List<ParamSweep.Point> points = ParamSweep.run(coin, defaults, "bias", List.of("0.6", "0.9"), 3, 4, 2);

        assertThat(points).hasSize(2 * 4 * coin.variants(defaults).size());
        for (ParamSweep.Point point : points) {
            ParamValues at = defaults.with(
                    coin.params().stream()
                            .filter(p -> p.name().equals("bias"))
                            .findFirst()
                            .orElseThrow(),
                    point.value());
            ExperimentReport oneSeed =
                    Sweep.run(coin, at, SweepSettings.of(point.seed(), 1).withThreads(1), SweepProgress.none());
            VariantResult reported = oneSeed.variants().stream()
                    .filter(v -> v.name().equals(point.variant()))
                    .findFirst()
                    .orElseThrow();
            assertThat(point.metrics()).isEqualTo(reported.metrics());
        }
        assertThat(points.getFirst().value()).isEqualTo("0.6");
        assertThat(points.getFirst().seed()).isEqualTo(3);
        assertThat(points.getLast().value()).isEqualTo("0.9");
        assertThat(points.getLast().seed()).isEqualTo(6);
    }

    @Test
    void aValueTheParameterRefusesIsRefusedWithItsOwnMessage() {
        ParamValues defaults = ParamValues.defaults(coin.params());
        assertThatThrownBy(() -> ParamSweep.run(coin, defaults, "bias", List.of("0.6", "2"), 1, 2, 1))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("--bias");
        assertThatThrownBy(() -> ParamSweep.run(coin, defaults, "colour", List.of("red"), 1, 2, 1))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("has no parameter 'colour'");
    }
}
