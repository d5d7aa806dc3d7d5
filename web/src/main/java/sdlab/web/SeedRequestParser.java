package sdlab.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;
import sdlab.lab.ForkText;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;
import sdlab.sim.Fork;

/**
 * Reads which seed to show: of a kept run ({@code /api/runs/{id}/seeds/{seed}?variant=n3r1w3}, the run's parameters)
 * or of a chapter with parameters in the query ({@code /api/chapters/quorum/seeds/5?variant=n3r1w3&nodes=9}). Every
 * mistake is a 400 or 404 that says what is allowed, in the words {@code sdlab run} uses.
 */
final class SeedRequestParser {
    /** The query field that names the variant; every other field of a chapter's query is a parameter. */
    static final String VARIANT = "variant";
    /** The query field that names changes made by hand ({@link ForkText}): a fork of the seed. */
    static final String FORK = "fork";

    private final Chapters chapters;
    private final RunStore store;

    SeedRequestParser(Chapters chapters, RunStore store) {
        this.chapters = chapters;
        this.store = store;
    }

    /** Seed {@code seedText} of kept run {@code runId}, with the run's parameters. */
    SeedRequest ofRun(String runId, String seedText, Map<String, List<String>> query) {
        KeptRun kept = store.find(runId)
                .orElseThrow(() -> ApiError.notFound("no kept run '" + runId
                        + "' (a run in progress has no seeds to show yet); GET /api/runs lists the runs there are"));
        Experiment experiment = chapters.require(kept.experiment());
        ParamValues values = ParamValues.defaults(experiment.params());
        try {
            for (Map.Entry<String, String> given : kept.params().entrySet()) {
                values = values.with(param(experiment, given.getKey()), given.getValue());
            }
        } catch (ParamException bad) {
            throw ApiError.conflict(
                    "run " + runId + " was kept with parameters this lab no longer takes: " + bad.getMessage());
        }
        for (String field : query.keySet()) {
            if (!field.equals(VARIANT) && !field.equals(FORK)) {
                throw ApiError.badRequest("a kept run's seed takes only ?variant=NAME and &fork=CHANGES; its"
                        + " parameters are the run's (got '" + field + "')");
            }
        }
        return request(experiment, values, seedText, query);
    }

    /** Seed {@code seedText} of chapter {@code experimentId}, with the query's parameters over the defaults. */
    SeedRequest ofChapter(String experimentId, String seedText, Map<String, List<String>> query) {
        Experiment experiment = chapters.require(experimentId);
        ObjectNode params = JsonText.object();
        query.forEach((name, texts) -> {
            if (!name.equals(VARIANT) && !name.equals(FORK)) {
                params.put(name, texts.getLast());
            }
        });
        ParamValues values = RunRequestParser.values(experiment, params);
        RunRequestParser.requireConsistent(experiment, values);
        return request(experiment, values, seedText, query);
    }

    private SeedRequest request(
            Experiment experiment, ParamValues values, String seedText, Map<String, List<String>> query) {
        long seed;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the seed must be an integer, got '" + seedText + "'");
        }
        if (seed == Long.MAX_VALUE) {
            // The sweep runs seeds from a first one up to one past the last, which must not overflow.
            throw ApiError.badRequest("the seed must be below " + Long.MAX_VALUE + ", got " + seedText);
        }
        List<String> variants =
                experiment.variants(values).stream().map(Variant::name).toList();
        List<String> asked = query.getOrDefault(VARIANT, List.of());
        if (asked.isEmpty() || asked.getLast().isBlank()) {
            throw ApiError.badRequest(
                    "name the variant to trace: ?variant=NAME, one of " + String.join(", ", variants));
        }
        String variant = asked.getLast();
        if (!variants.contains(variant)) {
            throw ApiError.notFound(
                    "no variant '" + variant + "' with these parameters; variants: " + String.join(", ", variants));
        }
        return new SeedRequest(experiment, values, seed, variant, forks(experiment, query));
    }

    private List<Fork> forks(Experiment experiment, Map<String, List<String>> query) {
        List<String> texts = query.getOrDefault(FORK, List.of());
        if (texts.isEmpty() || texts.getLast().isBlank()) {
            return List.of();
        }
        if (!experiment.takesForks()) {
            throw ApiError.badRequest("chapter " + experiment.id() + " does not take changes made by hand yet"
                    + " (these do: " + chapters.forkable() + "); open its seeds without &fork");
        }
        try {
            return ForkText.parse(texts.getLast());
        } catch (IllegalArgumentException bad) {
            throw ApiError.badRequest(bad.getMessage());
        }
    }

    private static Param<?> param(Experiment experiment, String name) {
        return experiment.params().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ParamException(experiment.id() + " has no parameter '" + name + "'; its "
                        + "parameters: "
                        + experiment.params().stream().map(Param::name).collect(Collectors.joining(", "))));
    }
}
