package sdlab.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import sdlab.lab.Experiment;

/**
 * The experiments on the class path, found with {@link ServiceLoader} (each module lists its own in {@code
 * META-INF/services/sdlab.lab.Experiment}), ordered by chapter and then id.
 */
public final class ExperimentCatalog {
    private final List<Experiment> experiments;

    private ExperimentCatalog(List<Experiment> experiments) {
        List<Experiment> sorted = new ArrayList<>(experiments);
        sorted.sort(Comparator.comparingInt((Experiment e) -> e.identity().chapter())
                .thenComparing(Experiment::id));
        Set<String> ids = new HashSet<>();
        for (Experiment experiment : sorted) {
            if (!ids.add(experiment.id())) {
                throw new IllegalStateException("two experiments have the id '" + experiment.id() + "'");
            }
        }
        this.experiments = List.copyOf(sorted);
    }

    /** Every experiment registered on the class path. */
    public static ExperimentCatalog load() {
        List<Experiment> found = new ArrayList<>();
        ServiceLoader.load(Experiment.class).forEach(found::add);
        return new ExperimentCatalog(found);
    }

    /** Exactly these experiments, for tests and embedding. */
    public static ExperimentCatalog of(List<Experiment> experiments) {
        return new ExperimentCatalog(experiments);
    }

    /** By chapter, then id. */
    public List<Experiment> all() {
        return experiments;
    }

    public Optional<Experiment> find(String id) {
        return experiments.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The id most like {@code typed}, if one is close enough to be what the user meant. */
    public Optional<String> closestId(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Experiment experiment : experiments) {
            int distance = EditDistance.between(typed, experiment.id());
            if (distance < bestDistance) {
                best = experiment.id();
                bestDistance = distance;
            }
        }
        boolean close = best != null && (bestDistance <= Math.max(2, best.length() / 3) || best.startsWith(typed));
        return close ? Optional.of(best) : Optional.empty();
    }
}
