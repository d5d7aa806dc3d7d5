package sdlab.lab.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.Provenance;
import sdlab.lab.Question;
import sdlab.lab.Variant;

/**
 * Checks that an experiment's parts fit together before a sweep spends minutes on it: unique variant and claim names,
 * a question that names only existing variants and claims. A mismatch is a bug in the experiment, so it is an
 * {@link IllegalStateException}; an unknown variant asked for by a user is an {@link IllegalArgumentException}.
 */
final class ExperimentShape {
    private ExperimentShape() {}

    static List<Variant> selected(List<Variant> variants, Optional<String> only) {
        if (only.isEmpty()) {
            return variants;
        }
        return List.of(variants.stream()
                .filter(v -> v.name().equals(only.get()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant named '" + only.get() + "'; variants: "
                        + String.join(", ", variants.stream().map(Variant::name).toList()))));
    }

    static void requireUnique(List<String> names, String kind, Experiment experiment) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalStateException(experiment.id() + " has two " + kind + "s named '" + name + "'");
            }
        }
    }

    /** A derived metric names the parameters it follows from; a name that is no parameter is a typo in the chapter. */
    static void requireKnownInputs(Experiment experiment) {
        Set<String> params =
                new HashSet<>(experiment.params().stream().map(Param::name).toList());
        for (MetricSpec metric : experiment.metrics()) {
            if (metric.provenance() instanceof Provenance.Derived derived) {
                for (String input : derived.inputs()) {
                    if (!params.contains(input)) {
                        throw new IllegalStateException(experiment.id() + "'s metric " + metric.name()
                                + " is derived from '" + input + "', which is not one of its parameters");
                    }
                }
            }
        }
    }

    static void requireConsistent(
            Question question, List<Variant> variants, List<Claim> claims, Experiment experiment) {
        Set<String> variantNames =
                new HashSet<>(variants.stream().map(Variant::name).toList());
        Set<String> claimNames = new HashSet<>(claims.stream().map(Claim::name).toList());
        for (Question.Option option : question.options()) {
            if (!variantNames.contains(option.variant())) {
                throw new IllegalStateException(experiment.id() + "'s question option '" + option.label()
                        + "' names unknown variant '" + option.variant() + "'");
            }
            for (String claim : option.claims()) {
                if (!claimNames.contains(claim)) {
                    throw new IllegalStateException(experiment.id() + "'s question option '" + option.label()
                            + "' names unknown claim '" + claim + "'");
                }
            }
        }
    }
}
