package sdlab.chapters.quorum;

import java.util.Locale;
import sdlab.core.history.History;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;

/**
 * One simulated run of chapter 10, exposed for scenarios that run the same store both ways: in
 * the simulator here, and as a real cluster with {@code sdlab cluster test}. The chapter's
 * default parameters, a variant by name, and one of the chapter's fault kinds.
 */
public final class QuorumSimulation {
    private QuorumSimulation() {}

    /**
     * The history of seed {@code seed} of variant {@code variantName} under {@code faults}
     * ({@code none}, {@code partitions}, {@code crashes} or {@code mixed}).
     */
    public static History history(String variantName, String faults, long seed) {
        ParamValues values =
                ParamValues.defaults(QuorumParams.ALL).with(QuorumParams.FAULTS, faults.toLowerCase(Locale.ROOT));
        QuorumVariant variant = QuorumVariant.all(values).stream()
                .filter(v -> v.name().equals(variantName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 10 has no variant '" + variantName + "'"));
        return QuorumScenario.run(variant, values, seed, RunOptions.lean()).history();
    }
}
