package sdlab.lab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;
import sdlab.lab.Stratum;
import sdlab.lab.Variant;
import sdlab.lab.report.MergeableState;
import sdlab.lab.report.VariantResult;

/**
 * One variant's metrics split by the stratum each run drew: a {@link VariantTally} per declared value, fed only the
 * runs that drew it. Each stratum is therefore aggregated, merged and saved by the code the whole variant is, and
 * inherits its properties: bounded memory (a few numbers per metric and value, never a list of seeds), exact sums
 * that add up across shards, and a report independent of the thread count.
 */
final class StratumTallies {
    private final Stratum stratum;
    private final Map<String, VariantTally> byValue = new LinkedHashMap<>(); // in the declared order
    private final Function<SeedRun, String> valueOf;

    /** Tallies that file each run under the value it names. */
    StratumTallies(Variant variant, List<MetricSpec> metrics, Stratum stratum) {
        this(variant, metrics, stratum, StratumTallies::namedValue);
    }

    /** Tallies that file each run under {@code valueOf(run)}: tests plant a misfiling one to show it is caught. */
    StratumTallies(Variant variant, List<MetricSpec> metrics, Stratum stratum, Function<SeedRun, String> valueOf) {
        this.stratum = stratum;
        this.valueOf = valueOf;
        stratum.values().forEach(value -> byValue.put(value, new VariantTally(variant, metrics)));
    }

    private static String namedValue(SeedRun run) {
        return run.stratum().orElseThrow(() -> new IllegalStateException("a run of a stratified sweep names no value"));
    }

    void add(SeedRun run) {
        String value = valueOf.apply(run);
        VariantTally tally = byValue.get(value);
        if (tally == null) {
            // Sweep checks every run's value before it reaches a tally; this is the last line, not the message.
            throw new IllegalStateException(stratum.name() + " '" + value + "' is not one of " + stratum.values());
        }
        tally.add(run);
    }

    /** Adds the seeds of {@code other}, the same variant's tallies over other seeds. */
    void absorb(StratumTallies other) {
        byValue.forEach((value, tally) -> tally.absorb(other.byValue.get(value)));
    }

    /** Seeds per value, in the declared order. */
    Map<String, Integer> seeds() {
        Map<String, Integer> seeds = new LinkedHashMap<>();
        byValue.forEach((value, tally) -> seeds.put(value, tally.seeds()));
        return seeds;
    }

    /** Each value's figures, in the declared order. */
    Map<String, VariantResult> results(Map<String, Object> settings) {
        Map<String, VariantResult> results = new LinkedHashMap<>();
        byValue.forEach((value, tally) -> results.put(value, tally.result(settings)));
        return results;
    }

    /** What these tallies keep, per value, for a report that other reports can be merged with. */
    Map<String, MergeableState.VariantState> states() {
        Map<String, MergeableState.VariantState> states = new LinkedHashMap<>();
        byValue.forEach((value, tally) -> states.put(value, tally.state()));
        return states;
    }

    /**
     * The tallies that {@code saved} holds. Throws {@link IllegalArgumentException} naming the value when a declared
     * value has no tally there or a saved one was never declared: a merge that dropped or invented a stratum would
     * no longer add up to the variant's figures.
     */
    static StratumTallies restore(
            Variant variant,
            List<MetricSpec> metrics,
            Stratum stratum,
            Map<String, MergeableState.VariantState> saved) {
        StratumTallies tallies = new StratumTallies(variant, metrics, stratum);
        for (String value : stratum.values()) {
            MergeableState.VariantState state = saved.get(value);
            if (state == null) {
                throw new IllegalArgumentException(
                        "variant " + variant.name() + " has no tally of " + stratum.name() + " '" + value + "'");
            }
            tallies.byValue.put(value, VariantTally.restore(variant, metrics, state));
        }
        for (String value : saved.keySet()) {
            if (!tallies.byValue.containsKey(value)) {
                throw new IllegalArgumentException("variant " + variant.name() + " has a tally of " + stratum.name()
                        + " '" + value + "', which the experiment does not declare");
            }
        }
        return tallies;
    }
}
