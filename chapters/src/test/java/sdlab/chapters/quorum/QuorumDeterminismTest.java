package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;

/** One seed replays the same run, byte for byte; another seed gives another run. */
class QuorumDeterminismTest {
    private final QuorumExperiment experiment = new QuorumExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theSameSeedReplaysTheSameTraceAndTheOtherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces and hashes for every variant; seed 8 differs.
        SeedDetail first = Sweep.replay(experiment, defaults, 7, Optional.empty());
        SeedDetail again = Sweep.replay(experiment, defaults, 7, Optional.empty());
        SeedDetail other = Sweep.replay(experiment, defaults, 8, Optional.empty());

        for (String variant : first.runsByVariant().keySet()) {
            SeedRun a = first.runsByVariant().get(variant);
            SeedRun b = again.runsByVariant().get(variant);
            assertThat(lines(a.trace())).isNotEmpty().isEqualTo(lines(b.trace()));
            assertThat(a.traceHash()).isEqualTo(b.traceHash());
            assertThat(a.traceHash())
                    .isNotEqualTo(other.runsByVariant().get(variant).traceHash());
        }
    }

    private static List<String> lines(List<TraceEvent> trace) {
        return trace.stream().map(TraceEvent::format).toList();
    }
}
