package sdlab.sim;

import java.util.List;

/**
 * What a learner does to a traced run, step by step: forks change it, inspections look at it. Both are placed by trace
 * step, so a steered run records its trace. An experiment passes its options' steering to its simulation unchanged.
 *
 * @param forks changes made at steps
 * @param inspections looks taken at steps
 */
public record Steering(List<Fork> forks, List<Inspection> inspections) {
    /** Neither: the seed as it runs. */
    public static final Steering NONE = new Steering(List.of(), List.of());

    public Steering {
        forks = List.copyOf(forks);
        inspections = List.copyOf(inspections);
    }

    public static Steering forks(List<Fork> forks) {
        return new Steering(forks, List.of());
    }

    public boolean isEmpty() {
        return forks.isEmpty() && inspections.isEmpty();
    }

    public Steering withInspections(List<Inspection> more) {
        return new Steering(forks, more);
    }
}
