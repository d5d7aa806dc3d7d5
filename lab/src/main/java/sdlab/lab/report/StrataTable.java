package sdlab.lab.report;

import java.util.List;
import java.util.stream.Collectors;
import sdlab.lab.MetricSpec;

/**
 * The texts of the table that splits a report's figures by stratum, shared by the terminal and HTML renderers: one row
 * per stratum value, one column per metric, and in each cell every variant's figure, slash-separated in report order
 * ("1 / 1 / 0 / 0"), so that four variants under eight faults read as eight rows rather than thirty-two.
 */
public final class StrataTable {
    private StrataTable() {}

    /** "per fault (seeds); each cell: port / query / lease / lease-fenced". */
    public static String heading(StrataResult strata, List<VariantResult> variants) {
        return "per " + strata.name() + " (seeds); each cell: " + variantNames(variants);
    }

    /** The first column's heading: "fault (seeds)". */
    public static String labelHeading(StrataResult strata) {
        return strata.name() + " (seeds)";
    }

    /**
     * The row's label: the value and its seeds, "crash (118)"; per variant, slash-separated, when the variants' runs
     * drew it on different numbers of seeds.
     */
    public static String label(StratumResult stratum) {
        List<Integer> seeds = List.copyOf(stratum.seedsByVariant().values());
        String counts = seeds.stream().distinct().count() <= 1
                ? String.valueOf(seeds.isEmpty() ? 0 : seeds.getFirst())
                : seeds.stream().map(String::valueOf).collect(Collectors.joining("/"));
        return stratum.value() + " (" + counts + ")";
    }

    /** Every variant's figure of {@code metric} over the stratum's seeds: "0.13 / 0.23 / 0.18 / 0"; "-" if undefined. */
    public static String cell(StratumResult stratum, MetricSpec metric) {
        return stratum.variants().stream()
                .map(v -> MetricFormat.format(v.metrics().get(metric.name())))
                .collect(Collectors.joining(" / "));
    }

    private static String variantNames(List<VariantResult> variants) {
        return variants.stream().map(VariantResult::name).collect(Collectors.joining(" / "));
    }
}
