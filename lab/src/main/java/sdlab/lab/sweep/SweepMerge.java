package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.Shard;

/**
 * Merges the reports of sweeps over disjoint, adjacent seed ranges into the report of one sweep over all of them.
 *
 * <p>Each shard's tallies are restored from its {@link sdlab.lab.report.MergeableState}, added up, and the report is
 * derived from the sum by {@link SweepTally#report()}, the code a single run uses: the result is the one-run report,
 * byte for byte, not an approximation (percentiles come from the summed histograms, means from exact sums).
 *
 * <p>It refuses, naming the reports and the difference: reports of different experiments, parameters or {@code
 * --variant}; reports written by a different definition of the experiment (another version of sdlab, or of this
 * one's chapter); seed ranges that overlap (a seed would count twice); and seed ranges with a gap. A report says it
 * covers the consecutive seeds from {@code firstSeed}, so a merge with a missing range would be a report of seeds that
 * never ran: the message names the missing seeds and the command-line options that run them.
 */
public final class SweepMerge {
    private SweepMerge() {}

    /** The report of one sweep over the seeds of all {@code shards}, which must be reports of {@code experiment}. */
    public static ExperimentReport merge(Experiment experiment, List<Shard> shards) throws MergeRefused {
        if (shards.isEmpty()) {
            throw new MergeRefused("no reports to merge");
        }
        Shard first = shards.getFirst();
        for (Shard shard : shards) {
            requireSameRun(first, shard);
        }
        if (!first.experiment().equals(experiment.id())) {
            throw new MergeRefused(
                    first.source() + " is a report of " + first.experiment() + ", not " + experiment.id());
        }
        SweepPlan plan = plan(experiment, first);
        List<Shard> ordered = new ArrayList<>(shards);
        ordered.sort(Comparator.comparingLong(Shard::firstSeed));
        requireAdjacent(ordered);
        SweepTally tally = restore(plan, ordered.getFirst());
        for (Shard shard : ordered.subList(1, ordered.size())) {
            tally.absorb(restore(plan, shard));
        }
        return tally.report();
    }

    /** Same experiment, parameters, variant selection and definition: the shards are parts of one sweep. */
    private static void requireSameRun(Shard first, Shard shard) throws MergeRefused {
        String both = first.source() + " and " + shard.source();
        if (!first.experiment().equals(shard.experiment())) {
            throw new MergeRefused(both + " are reports of different experiments (" + first.experiment() + ", "
                    + shard.experiment() + ")");
        }
        if (!first.state().paramTexts().equals(shard.state().paramTexts())) {
            throw new MergeRefused(both + " were run with different parameters: "
                    + paramDifference(first.state().paramTexts(), shard.state().paramTexts()));
        }
        if (!first.state().onlyVariant().equals(shard.state().onlyVariant())) {
            throw new MergeRefused(both + " ran different variants (--variant "
                    + first.state().onlyVariant().orElse("not given") + ", --variant "
                    + shard.state().onlyVariant().orElse("not given") + ")");
        }
        if (!first.state().definition().equals(shard.state().definition())) {
            throw new MergeRefused(both + " were made by different versions of " + first.experiment()
                    + " (definitions " + first.state().definition() + ", "
                    + shard.state().definition()
                    + "); run every seed range with the same sdlab");
        }
    }

    private static String paramDifference(Map<String, String> a, Map<String, String> b) {
        List<String> differences = new ArrayList<>();
        a.forEach((name, text) -> {
            if (!Objects.equals(text, b.get(name))) {
                differences.add("--" + name + " " + text + " vs "
                        + Optional.ofNullable(b.get(name)).orElse("absent"));
            }
        });
        b.keySet().stream()
                .filter(name -> !a.containsKey(name))
                .forEach(name -> differences.add("--" + name + " absent vs " + b.get(name)));
        return String.join(", ", differences);
    }

    /** The plan the shards were run with, rebuilt here; its definition must be the one they were made by. */
    private static SweepPlan plan(Experiment experiment, Shard shard) throws MergeRefused {
        SweepPlan plan;
        try {
            ParamValues values = ParamValues.defaults(experiment.params());
            for (Map.Entry<String, String> param : shard.state().paramTexts().entrySet()) {
                values = values.with(param(experiment, param.getKey()), param.getValue());
            }
            plan = SweepPlan.of(experiment, values, shard.state().onlyVariant());
        } catch (ParamException | IllegalArgumentException e) {
            throw differentVersion(experiment, shard, e.getMessage());
        }
        if (!plan.definition().equals(shard.state().definition())) {
            throw differentVersion(
                    experiment,
                    shard,
                    "its definition is " + shard.state().definition() + ", this sdlab's " + plan.definition());
        }
        return plan;
    }

    private static Param<?> param(Experiment experiment, String name) {
        return experiment.params().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "this sdlab's " + experiment.id() + " has no parameter --" + name));
    }

    private static MergeRefused differentVersion(Experiment experiment, Shard shard, String why) {
        return new MergeRefused(shard.source() + " was made by a different version of " + experiment.id()
                + " than this sdlab (" + why + "); merge with the sdlab that ran the seed ranges");
    }

    private static void requireAdjacent(List<Shard> ordered) throws MergeRefused {
        long seeds = ordered.getFirst().seeds();
        for (int i = 1; i < ordered.size(); i++) {
            Shard before = ordered.get(i - 1);
            Shard after = ordered.get(i);
            if (after.firstSeed() < before.endSeed()) {
                long overlapEnd = Math.min(before.endSeed(), after.endSeed()) - 1;
                throw new MergeRefused(before.describe() + " and " + after.describe() + " overlap: "
                        + seeds(after.firstSeed(), overlapEnd) + " would count twice");
            }
            if (after.firstSeed() > before.endSeed()) {
                long missing = after.firstSeed() - before.endSeed();
                throw new MergeRefused("no report covers " + seeds(before.endSeed(), after.firstSeed() - 1)
                        + " (between " + before.describe() + " and " + after.describe() + "); run them with "
                        + "--first-seed " + before.endSeed() + " --seeds " + missing + " and merge again");
            }
            seeds += after.seeds();
        }
        if (seeds > Integer.MAX_VALUE) {
            throw new MergeRefused("the reports cover " + seeds + " seeds, more than a report can count");
        }
    }

    /** "seed 10" or "seeds 10..20". */
    private static String seeds(long first, long last) {
        return first == last ? "seed " + first : "seeds " + first + ".." + last;
    }

    private static SweepTally restore(SweepPlan plan, Shard shard) throws MergeRefused {
        try {
            return SweepTally.restore(plan, shard.firstSeed(), shard.seeds(), shard.state());
        } catch (IllegalArgumentException e) {
            throw new MergeRefused(
                    shard.source() + ": its mergeable section does not fit the experiment: " + e.getMessage());
        }
    }
}
