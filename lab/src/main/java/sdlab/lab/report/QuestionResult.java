package sdlab.lab.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The chapter's question with each option marked supported, refuted or not decided by the measured claims. */
public record QuestionResult(String text, List<OptionResult> options) {
    public QuestionResult {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    /** What the claims say about one option. */
    public enum Decision {
        /** Every claim that decides the option held. */
        SUPPORTED,
        /** A claim that decides the option was judged and did not hold. */
        REFUTED,
        /**
         * No deciding claim broke, but one could not be judged on the seeds run (a some-seed claim in a one-seed
         * replay): the run neither supports nor refutes the option.
         */
        UNDECIDED
    }

    /**
     * One option's verdict.
     *
     * @param label the answer
     * @param variant the variant that embodies it
     * @param claims the claims that decide it
     * @param explanation why those claims decide it
     * @param decision what the claims say about it
     * @param why which claims held, failed or could not be judged, in one line
     * @param evidenceVariant for a refuted option, the variant whose run broke the deciding claim: a claim may range
     *     over several variants, so this need not be {@link #variant()}
     * @param evidenceSeed for a refuted option, the seed of that run
     */
    public record OptionResult(
            String label,
            String variant,
            List<String> claims,
            String explanation,
            Decision decision,
            String why,
            Optional<String> evidenceVariant,
            OptionalLong evidenceSeed) {
        public OptionResult {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(evidenceVariant, "evidenceVariant");
            Objects.requireNonNull(evidenceSeed, "evidenceSeed");
            claims = List.copyOf(claims);
        }

        /** True when every claim that decides the option held. */
        public boolean supported() {
            return decision == Decision.SUPPORTED;
        }

        /** False when the run could not judge the option either way. */
        public boolean decided() {
            return decision != Decision.UNDECIDED;
        }

        /**
         * The variant to label the option with: the one whose run refuted it, else the one that embodies it. A label
         * must name the run a reader should look at, never a variant whose evidence decided nothing.
         */
        public String labelVariant() {
            return evidenceVariant.orElse(variant);
        }

        /** "[n3r1w3, seed 5]" for a refuted option with its evidence, else "[n3r2w2]". */
        public String labelText() {
            return "[" + labelVariant() + (evidenceSeed.isPresent() ? ", seed " + evidenceSeed.getAsLong() : "") + "]";
        }
    }
}
