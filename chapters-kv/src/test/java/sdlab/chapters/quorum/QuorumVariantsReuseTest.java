package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.Variant;

class QuorumVariantsReuseTest {

    private static List<Object> readRepairs(List<Variant> variants) {
        return variants.stream().map(v -> v.settings().get("readRepair")).toList();
    }

    @Test
    void theVariantsKeptForOneSetOfValuesNeverServeAnother() {
        // The experiment keeps the variants of the values it saw last; asking with other values, and back, gives
        // each its own configurations, and a run of the same seed gives the same counters before and after.
        QuorumExperiment experiment = new QuorumExperiment();
        ParamValues defaults = ParamValues.defaults(QuorumParams.ALL);
        ParamValues noRepair = defaults.with(QuorumParams.READ_REPAIR, "none");
        Variant first = experiment.variants(defaults).getFirst();
        var before = experiment.run(first, defaults, 3, RunOptions.lean()).counters();

        assertThat(readRepairs(experiment.variants(noRepair))).contains("NONE").doesNotContain("BACKGROUND");
        assertThat(readRepairs(experiment.variants(defaults)))
                .contains("BACKGROUND")
                .doesNotContain("NONE");
        assertThat(experiment.run(first, defaults, 3, RunOptions.lean()).counters())
                .isEqualTo(before);
    }
}
