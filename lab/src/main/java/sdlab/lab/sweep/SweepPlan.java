package sdlab.lab.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.Stratum;
import sdlab.lab.Variant;

/**
 * What a sweep of an experiment with given parameters runs and judges: the variants, the claims and the question,
 * checked to fit together. A run builds it before its first seed and a merge builds it again from a shard's
 * parameters, so both derive their reports from the same parts.
 *
 * @param experiment the experiment
 * @param values its parameter values
 * @param onlyVariant the one variant a {@code --variant} sweep keeps, if any
 * @param variants the variants run, in report order
 * @param claims the claims judged (none when one variant is kept: claims compare variants)
 * @param question the question those claims decide, if any and if claims are judged
 */
record SweepPlan(
        Experiment experiment,
        ParamValues values,
        Optional<String> onlyVariant,
        List<Variant> variants,
        List<Claim> claims,
        Optional<Question> question) {

    /**
     * The plan for {@code experiment} with {@code values}. Throws {@link IllegalArgumentException} for an unknown
     * {@code onlyVariant} and {@link IllegalStateException} when the experiment's parts do not fit.
     */
    static SweepPlan of(Experiment experiment, ParamValues values, Optional<String> onlyVariant) {
        List<Variant> allVariants = experiment.variants(values);
        ExperimentShape.requireUnique(allVariants.stream().map(Variant::name).toList(), "variant", experiment);
        List<Variant> variants = ExperimentShape.selected(allVariants, onlyVariant);
        boolean comparing = onlyVariant.isEmpty();
        List<Claim> claims = comparing ? experiment.claims(values, allVariants) : List.of();
        Optional<Question> question = comparing ? experiment.question(values, allVariants) : Optional.empty();
        ExperimentShape.requireUnique(claims.stream().map(Claim::name).toList(), "claim", experiment);
        question.ifPresent(q -> ExperimentShape.requireConsistent(q, allVariants, claims, experiment));
        ExperimentShape.requireKnownInputs(experiment);
        return new SweepPlan(experiment, values, onlyVariant, variants, claims, question);
    }

    ReplayCommand replay() {
        return new ReplayCommand(experiment.id(), values.nonDefaults());
    }

    List<MetricSpec> metrics() {
        return List.copyOf(experiment.metrics());
    }

    /** The property the experiment splits its figures by, if it declares one. */
    Optional<Stratum> stratum() {
        return experiment.stratum();
    }

    /** Every parameter's value as the command line writes it, in declaration order. */
    Map<String, String> paramTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.params().forEach(param -> texts.put(param.name(), values.text(param)));
        return texts;
    }

    /**
     * A fingerprint of everything that decides what a report of this plan means: the parameters and their defaults,
     * the variants, the metrics and how they aggregate, the claims, the question and the stratum. Two reports with the same
     * fingerprint were made by the same definition of the experiment; a merge refuses to combine reports that differ.
     * It cannot see a change inside a variant's run or a claim's check that leaves all of these alone.
     */
    String definition() {
        StringBuilder text = new StringBuilder(experiment.id()).append('\n');
        for (Param<?> param : values.params()) {
            text.append("param ").append(param.name()).append(' ').append(param.rangeText());
            text.append(" default ").append(defaultText(param)).append('\n');
        }
        for (Variant variant : variants) {
            text.append("variant ").append(variant.name()).append(' ').append(variant.description());
            text.append(' ').append(PlainValues.settings(variant.settings())).append('\n');
        }
        for (MetricSpec metric : experiment.metrics()) {
            text.append("metric ").append(metric).append('\n');
        }
        for (Claim claim : claims) {
            text.append("claim ")
                    .append(claim.name())
                    .append(' ')
                    .append(claim.scope())
                    .append(' ');
            text.append(claim.role()).append(' ').append(claim.description()).append(' ');
            text.append(claim.illustration().orElse("")).append('\n');
        }
        question.ifPresent(q -> text.append("question ").append(q).append('\n'));
        // Only when declared, so that the fingerprint of an experiment without strata is what it always was.
        stratum().ifPresent(s -> text.append("stratum ").append(s).append('\n'));
        return "sha256:" + sha256(text.toString()).substring(0, 32);
    }

    private static <T> String defaultText(Param<T> param) {
        return param.format(param.defaultValue());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
