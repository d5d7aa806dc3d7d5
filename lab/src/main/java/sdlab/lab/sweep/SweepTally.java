package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.SeedRun;
import sdlab.lab.Stratum;
import sdlab.lab.Variant;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.MergeableState;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.StrataResult;
import sdlab.lab.report.StratumResult;
import sdlab.lab.report.VariantResult;

/**
 * Everything a sweep over consecutive seeds has measured so far: one tally per variant and per claim, and when the
 * experiment declares a stratum, one per variant and stratum value. A run adds its
 * seeds one by one; a merge restores the tallies of several runs from their reports' {@link MergeableState} and
 * absorbs them into one. Either way the report comes from {@link #report()}, so a merged report is computed by the
 * same code, from the same numbers, as the report of one run over all the seeds.
 */
final class SweepTally {
    private final SweepPlan plan;
    private final List<VariantTally> variants;
    private final List<ClaimTally> claims;
    private final List<StratumTallies> strata; // per variant, in variant order; empty without a stratum
    private Optional<PairTally> pairs; // empty once merged with a state that did not keep them
    private final long firstSeed;
    private int seeds;

    private SweepTally(
            SweepPlan plan,
            long firstSeed,
            List<VariantTally> variants,
            List<ClaimTally> claims,
            List<StratumTallies> strata,
            Optional<PairTally> pairs) {
        this.plan = plan;
        this.firstSeed = firstSeed;
        this.variants = variants;
        this.claims = claims;
        this.strata = strata;
        this.pairs = pairs;
    }

    /** An empty tally whose first seed will be {@code firstSeed}. */
    static SweepTally empty(SweepPlan plan, long firstSeed) {
        ReplayCommand replay = plan.replay();
        return new SweepTally(
                plan,
                firstSeed,
                plan.variants().stream()
                        .map(v -> new VariantTally(v, plan.metrics()))
                        .toList(),
                plan.claims().stream().map(c -> new ClaimTally(c, replay)).toList(),
                plan.stratum()
                        .map(stratum -> plan.variants().stream()
                                .map(v -> new StratumTallies(v, plan.metrics(), stratum))
                                .toList())
                        .orElse(List.of()),
                Optional.of(new PairTally(plan.metrics(), plan.variants().size())));
    }

    /**
     * The tally that {@code state} describes, of the {@code seeds} seeds from {@code firstSeed}. Throws {@link
     * IllegalArgumentException} naming what does not fit when the state was not written for this plan.
     */
    static SweepTally restore(SweepPlan plan, long firstSeed, int seeds, MergeableState state) {
        List<VariantTally> variantTallies = new ArrayList<>();
        List<StratumTallies> strataTallies = new ArrayList<>();
        for (Variant variant : plan.variants()) {
            MergeableState.VariantState saved = state.variants().stream()
                    .filter(v -> v.name().equals(variant.name()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no tally of variant " + variant.name()));
            requireSeeds(seeds, saved.seeds(), "variant " + variant.name());
            variantTallies.add(VariantTally.restore(variant, plan.metrics(), saved));
            if (plan.stratum().isPresent()) {
                strataTallies.add(restoreStrata(plan.stratum().get(), variant, plan, saved));
            } else if (!saved.strata().isEmpty()) {
                throw new IllegalArgumentException("variant " + variant.name() + " has strata the experiment lacks");
            }
        }
        ReplayCommand replay = plan.replay();
        List<ClaimTally> claimTallies = new ArrayList<>();
        for (var claim : plan.claims()) {
            MergeableState.ClaimState saved = state.claims().stream()
                    .filter(c -> c.name().equals(claim.name()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no tally of claim " + claim.name()));
            requireSeeds(seeds, saved.seedsChecked(), "claim " + claim.name());
            claimTallies.add(ClaimTally.restore(claim, replay, saved));
        }
        if (state.variants().size() != variantTallies.size() || state.claims().size() != claimTallies.size()) {
            throw new IllegalArgumentException("it has tallies of variants or claims that the experiment lacks");
        }
        SweepTally tally = new SweepTally(
                plan,
                firstSeed,
                variantTallies,
                claimTallies,
                strataTallies,
                PairTally.restore(plan.variants(), plan.metrics(), state.pairs()));
        tally.seeds = seeds;
        return tally;
    }

    private static StratumTallies restoreStrata(
            Stratum stratum, Variant variant, SweepPlan plan, MergeableState.VariantState saved) {
        StratumTallies tallies = StratumTallies.restore(variant, plan.metrics(), stratum, saved.strata());
        int filed =
                tallies.seeds().values().stream().mapToInt(Integer::intValue).sum();
        requireSeeds(saved.seeds(), filed, "the " + stratum.name() + " strata of variant " + variant.name());
        return tallies;
    }

    private static void requireSeeds(int expected, int actual, String what) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + " counts " + actual + " seeds, the report " + expected);
        }
    }

    /** The next seed's outcome; seeds come in order, with none left out. */
    void add(SeedOutcome outcome) {
        assert outcome.seed() == nextSeed() : "seed " + outcome.seed() + " added, " + nextSeed() + " expected";
        seeds++;
        int i = 0;
        for (SeedRun run : outcome.runsByVariant().values()) {
            if (!strata.isEmpty()) {
                strata.get(i).add(run);
            }
            variants.get(i++).add(run);
        }
        pairs.ifPresent(p -> p.add(List.copyOf(outcome.runsByVariant().values())));
        for (int c = 0; c < claims.size(); c++) {
            claims.get(c).add(outcome.seed(), outcome.violations().get(c), outcome.runsByVariant());
        }
    }

    /** Adds the seeds of {@code next}, a tally of the same plan whose seeds follow this one's. */
    void absorb(SweepTally next) {
        assert next.variants.size() == variants.size() && next.claims.size() == claims.size();
        assert next.firstSeed == nextSeed() : "seed ranges are merged in order, without gaps or overlaps";
        seeds += next.seeds;
        for (int i = 0; i < variants.size(); i++) {
            variants.get(i).absorb(next.variants.get(i));
        }
        for (int i = 0; i < strata.size(); i++) {
            strata.get(i).absorb(next.strata.get(i));
        }
        for (int c = 0; c < claims.size(); c++) {
            claims.get(c).absorb(next.claims.get(c));
        }
        if (pairs.isPresent() && next.pairs.isPresent()) {
            pairs.get().absorb(next.pairs.get());
        } else {
            pairs = Optional.empty();
        }
    }

    long firstSeed() {
        return firstSeed;
    }

    long nextSeed() {
        return firstSeed + seeds;
    }

    int seeds() {
        return seeds;
    }

    /** The report of the seeds tallied so far, which holds its {@link MergeableState} so that it can be merged. */
    ExperimentReport report() {
        List<VariantResult> variantResults = new ArrayList<>();
        List<Map<String, Map<String, Double>>> differenceErrors =
                pairs.map(p -> p.differenceErrors(variants, seeds)).orElse(List.of());
        for (int i = 0; i < variants.size(); i++) {
            VariantResult result = variants.get(i)
                    .result(PlainValues.settings(plan.variants().get(i).settings()));
            variantResults.add(
                    differenceErrors.isEmpty() ? result : result.withDifferenceErrors(differenceErrors.get(i)));
        }
        List<ClaimResult> claimResults = claims.stream().map(ClaimTally::result).toList();
        Map<String, ClaimResult> claimsByName = new LinkedHashMap<>();
        claimResults.forEach(c -> claimsByName.put(c.name(), c));
        Optional<QuestionResult> questionResult = plan.question().map(q -> QuestionVerdict.decide(q, claimsByName));
        List<String> notes = plan.onlyVariant().isPresent()
                ? List.of("claims and question skipped: they compare variants, and --variant kept only "
                        + plan.onlyVariant().get())
                : List.of();
        var identity = plan.experiment().identity();
        return new ExperimentReport(
                plan.experiment().id(),
                identity.chapter(),
                identity.title(),
                identity.summary(),
                plan.experiment().explanation(),
                firstSeed,
                seeds,
                PlainValues.params(plan.values()),
                plan.metrics(),
                variantResults,
                claimResults,
                questionResult,
                notes,
                Optional.of(state()),
                strataResult());
    }

    /** Per stratum value, every variant's figures over the seeds that drew it; empty without a stratum. */
    private Optional<StrataResult> strataResult() {
        return plan.stratum().map(stratum -> {
            List<Map<String, VariantResult>> byVariant = new ArrayList<>();
            for (int i = 0; i < strata.size(); i++) {
                byVariant.add(strata.get(i)
                        .results(PlainValues.settings(plan.variants().get(i).settings())));
            }
            List<StratumResult> results = new ArrayList<>();
            for (String value : stratum.values()) {
                Map<String, Integer> seedsByVariant = new LinkedHashMap<>();
                List<VariantResult> variantResults = new ArrayList<>();
                for (int i = 0; i < strata.size(); i++) {
                    seedsByVariant.put(
                            variants.get(i).variantName(), strata.get(i).seeds().get(value));
                    variantResults.add(byVariant.get(i).get(value));
                }
                results.add(new StratumResult(value, seedsByVariant, variantResults));
            }
            return new StrataResult(stratum.name(), results);
        });
    }

    private MergeableState state() {
        return new MergeableState(
                MergeableState.FORMAT,
                plan.definition(),
                plan.onlyVariant(),
                plan.paramTexts(),
                variantStates(),
                claims.stream().map(ClaimTally::state).toList(),
                pairs.map(p -> p.state(plan.variants())).orElse(List.of()));
    }

    private List<MergeableState.VariantState> variantStates() {
        List<MergeableState.VariantState> states = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            MergeableState.VariantState state = variants.get(i).state();
            states.add(strata.isEmpty() ? state : state.withStrata(strata.get(i).states()));
        }
        return states;
    }
}
