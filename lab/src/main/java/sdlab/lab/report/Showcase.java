package sdlab.lab.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The run a report shows in detail: a seed, the variant whose run on it is the evidence, and why it was chosen. The
 * HTML page opens at this variant's run, so what the reader sees first is the violation the claims report.
 *
 * @param seed the seed to replay
 * @param variant the variant whose run on that seed is the evidence; empty when no claim names one
 * @param reason why this run, in a few words: "the counterexample of linearizableWhenQuorumsOverlap"
 */
public record Showcase(long seed, Optional<String> variant, String reason) {
    public Showcase {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(reason, "reason");
    }
}
