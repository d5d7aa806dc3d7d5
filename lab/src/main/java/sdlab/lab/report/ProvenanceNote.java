package sdlab.lab.report;

import java.util.List;
import java.util.stream.Collectors;
import sdlab.lab.MetricSpec;
import sdlab.lab.Provenance;

/** How every rendering words a metric's provenance, so the terminal, JSON and HTML say the same thing. */
public final class ProvenanceNote {
    private ProvenanceNote() {}

    /** "measured" or "derived". */
    public static String kind(MetricSpec metric) {
        return metric.provenance().measured() ? "measured" : "derived";
    }

    /** The cost inputs a derived metric follows from, as parameters; empty for a measured one. */
    public static List<String> inputs(MetricSpec metric) {
        return switch (metric.provenance()) {
            case Provenance.Measured measured -> List.of();
            case Provenance.Derived derived -> derived.inputs();
        };
    }

    /** "derived from --local-check, not measured", or the empty string for a measured metric. */
    public static String sentence(MetricSpec metric) {
        List<String> inputs = inputs(metric);
        if (inputs.isEmpty()) {
            return "";
        }
        return "derived from " + inputs.stream().map(i -> "--" + i).collect(Collectors.joining(", "))
                + ", not measured";
    }
}
