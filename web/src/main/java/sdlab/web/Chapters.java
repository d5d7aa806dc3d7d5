package sdlab.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;

/** The experiments a web lab serves, by id; asking for an unknown one is the client's mistake (404). */
final class Chapters {
    private final Map<String, Experiment> byId = new LinkedHashMap<>();

    Chapters(List<Experiment> experiments) {
        for (Experiment experiment : experiments) {
            if (byId.put(experiment.id(), experiment) != null) {
                throw new IllegalArgumentException("two experiments have the id '" + experiment.id() + "'");
            }
        }
    }

    /** The ids of the chapters that take forks and let their nodes be inspected: "isolation, quorum, ...". */
    String forkable() {
        return String.join(
                ", ",
                all().stream()
                        .filter(Experiment::takesForks)
                        .map(Experiment::id)
                        .sorted()
                        .toList());
    }

    /** In the order they were given (by chapter, as {@code sdlab list} shows them). */
    List<Experiment> all() {
        return List.copyOf(byId.values());
    }

    /** The experiment with this id, or a 404 that lists the ids there are. */
    Experiment require(String id) {
        Experiment experiment = byId.get(id);
        if (experiment == null) {
            throw ApiError.notFound("no chapter '" + id + "'; chapters: "
                    + byId.keySet().stream().collect(Collectors.joining(", ")));
        }
        return experiment;
    }
}
