package sdlab.lab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.MetricSpec;

/**
 * Everything a sweep measured, ready for the terminal, JSON and HTML renderers. Deterministic: the same experiment,
 * parameters and seeds give an equal report whatever the number of threads (wall-clock time is deliberately not part
 * of it).
 *
 * @param experiment the experiment's id
 * @param chapter its chapter
 * @param title its title
 * @param summary its summary
 * @param explanation the chapter text
 * @param firstSeed the first seed run
 * @param seeds how many consecutive seeds were run
 * @param params every parameter with its value, in declaration order
 * @param metrics the metric definitions, in report order
 * @param variants each variant's aggregated metrics
 * @param claims each claim's verdict (empty when the run was restricted to one variant)
 * @param question the question's verdict, if the experiment has one and claims were evaluated
 * @param notes remarks about this run for readers ("claims skipped: ...")
 * @param mergeable the tallies every figure above was computed from, so that reports of other seed ranges can be
 *     merged with this one ({@code sdlab merge}); empty for reports not made by a sweep
 * @param strata the figures split by the property each seed drew, when the experiment declares one ({@link
 *     sdlab.lab.Experiment#stratum()}); empty otherwise
 */
public record ExperimentReport(
        String experiment,
        int chapter,
        String title,
        String summary,
        String explanation,
        long firstSeed,
        int seeds,
        List<ParamSetting> params,
        List<MetricSpec> metrics,
        List<VariantResult> variants,
        List<ClaimResult> claims,
        Optional<QuestionResult> question,
        List<String> notes,
        Optional<MergeableState> mergeable,
        Optional<StrataResult> strata) {
    public ExperimentReport {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(mergeable, "mergeable");
        Objects.requireNonNull(strata, "strata");
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
        variants = List.copyOf(variants);
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }

    /** A report without strata. */
    public ExperimentReport(
            String experiment,
            int chapter,
            String title,
            String summary,
            String explanation,
            long firstSeed,
            int seeds,
            List<ParamSetting> params,
            List<MetricSpec> metrics,
            List<VariantResult> variants,
            List<ClaimResult> claims,
            Optional<QuestionResult> question,
            List<String> notes,
            Optional<MergeableState> mergeable) {
        this(
                experiment,
                chapter,
                title,
                summary,
                explanation,
                firstSeed,
                seeds,
                params,
                metrics,
                variants,
                claims,
                question,
                notes,
                mergeable,
                Optional.empty());
    }

    /** A report without mergeable state or strata, as tests and renderers build by hand. */
    public ExperimentReport(
            String experiment,
            int chapter,
            String title,
            String summary,
            String explanation,
            long firstSeed,
            int seeds,
            List<ParamSetting> params,
            List<MetricSpec> metrics,
            List<VariantResult> variants,
            List<ClaimResult> claims,
            Optional<QuestionResult> question,
            List<String> notes) {
        this(
                experiment,
                chapter,
                title,
                summary,
                explanation,
                firstSeed,
                seeds,
                params,
                metrics,
                variants,
                claims,
                question,
                notes,
                Optional.empty());
    }

    /**
     * True when no assertion broke (vacuously true when none was evaluated); hypotheses do not count, whatever was
     * measured, and neither do claims the seeds could not judge ({@link ClaimResult#applicable()}). This is what {@code sdlab run} turns into its exit code.
     */
    public boolean assertionsHold() {
        return claims.stream().filter(c -> c.role() == Claim.Role.ASSERTION).noneMatch(ClaimResult::broke);
    }

    /**
     * The seed a report should show in detail: {@link #showcase()}'s seed.
     */
    public long showcaseSeed() {
        return showcase().seed();
    }

    /**
     * The run a report should show in detail, the one that most needs explaining: the counterexample of the first
     * assertion that broke, else of the first hypothesis that was refuted (the question's answer rests on it), else the
     * witness of the first some-seed claim that held, else the first seed. Each comes with the variant whose run is the
     * evidence, so that a report opens at the violation rather than at whichever variant comes first.
     */
    public Showcase showcase() {
        return counterexampleOf(Claim.Role.ASSERTION)
                .or(() -> counterexampleOf(Claim.Role.HYPOTHESIS))
                .or(() -> claims.stream()
                        .filter(c -> c.applicable() && c.witnessSeed().isPresent())
                        .findFirst()
                        .map(c -> new Showcase(
                                c.witnessSeed().getAsLong(), c.evidenceVariant(), "the witness of " + c.name())))
                .orElseGet(() -> new Showcase(firstSeed, Optional.empty(), "the first seed run"));
    }

    private Optional<Showcase> counterexampleOf(Claim.Role role) {
        return claims.stream()
                .filter(c ->
                        c.role() == role && c.broke() && c.counterexampleSeed().isPresent())
                .findFirst()
                .map(c -> new Showcase(
                        c.counterexampleSeed().getAsLong(), c.evidenceVariant(), "the counterexample of " + c.name()));
    }

    /** Each claim's verdict under its name, in report order. */
    public Map<String, ClaimResult> claimsByName() {
        Map<String, ClaimResult> byName = new LinkedHashMap<>();
        claims.forEach(claim -> byName.put(claim.name(), claim));
        return byName;
    }

    /**
     * The aggregated value of {@code metric} for {@code variant}.
     *
     * @throws IllegalArgumentException naming the variant or metric the report does not have
     */
    public double metric(String variant, String metric) {
        VariantResult result = variants.stream()
                .filter(v -> v.name().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + variant + "' in " + experiment));
        Number value = result.metrics().get(metric);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + metric + "' for " + variant + " in " + experiment);
        }
        return value.doubleValue();
    }

    /** The variants of the question's options that the measurements support, in the question's order. */
    public List<String> supportedOptions() {
        QuestionResult result = question.orElseThrow(() -> new IllegalStateException(experiment + " has no question"));
        return result.options().stream()
                .filter(QuestionResult.OptionResult::supported)
                .map(QuestionResult.OptionResult::variant)
                .toList();
    }
}
