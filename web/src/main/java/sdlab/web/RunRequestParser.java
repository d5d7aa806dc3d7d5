package sdlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * Reads the body of {@code POST /api/runs}, {@code {"experiment": "quorum", "params": {"n": 5}, "seeds": 200,
 * "firstSeed": 1}}, into a {@link RunRequest}, or refuses it with a 400 that says which field was wrong and why.
 * Parameter values are parsed by the experiment's own parameters, so their messages are the ones {@code sdlab run}
 * prints.
 */
final class RunRequestParser {
    private static final Set<String> FIELDS = Set.of("experiment", "params", "seeds", "firstSeed");

    private final Chapters chapters;
    private final int seedsMax;

    RunRequestParser(Chapters chapters, int seedsMax) {
        this.chapters = chapters;
        this.seedsMax = seedsMax;
    }

    RunRequest parse(String body) {
        JsonNode root = readObject(body);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest(
                        "unknown field '" + name + "'; a run takes experiment, params, seeds and " + "firstSeed");
            }
        }
        JsonNode id = root.path("experiment");
        if (!id.isTextual()) {
            throw ApiError.badRequest("name the experiment: {\"experiment\": \"quorum\", ...}");
        }
        Experiment experiment = chapters.require(id.asText());
        ParamValues values = values(experiment, root.path("params"));
        int seeds = seeds(root.path("seeds"));
        long firstSeed = firstSeed(root.path("firstSeed"), seeds);
        requireConsistent(experiment, values);
        return new RunRequest(experiment, values, seeds, firstSeed);
    }

    static JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the body is empty; send a JSON object such as {\"experiment\": \"quorum\"}");
        }
        JsonNode root;
        try {
            root = JsonText.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object such as {\"experiment\": \"quorum\"}");
        }
        return root;
    }

    /** The defaults with each given value parsed by its parameter; numbers and booleans may be given as such. */
    static ParamValues values(Experiment experiment, JsonNode params) {
        ParamValues values = ParamValues.defaults(experiment.params());
        if (params.isMissingNode() || params.isNull()) {
            return values;
        }
        if (!params.isObject()) {
            throw ApiError.badRequest("params must be an object of name to value, such as {\"n\": 5}");
        }
        for (Map.Entry<String, JsonNode> given : params.properties()) {
            Param<?> param = find(experiment.params(), given.getKey())
                    .orElseThrow(() -> ApiError.badRequest(experiment.id() + " has no parameter '" + given.getKey()
                            + "'; its parameters: "
                            + experiment.params().stream().map(Param::name).collect(Collectors.joining(", "))));
            JsonNode value = given.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw ApiError.badRequest("--" + param.name() + " must be " + param.rangeText() + ", got " + value);
            }
            try {
                values = values.with(param, value.asText());
            } catch (ParamException bad) {
                throw ApiError.badRequest(bad.getMessage());
            }
        }
        return values;
    }

    private static Optional<Param<?>> find(List<Param<?>> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private int seeds(JsonNode seeds) {
        if (seeds.isMissingNode() || seeds.isNull()) {
            return Math.min(RunRequest.SEEDS_DEFAULT, seedsMax);
        }
        if (!seeds.canConvertToInt() || !seeds.isIntegralNumber() || seeds.asInt() < 1 || seeds.asInt() > seedsMax) {
            throw ApiError.badRequest("seeds must be an integer from 1 to " + seedsMax
                    + " (this server's bound on one run), got " + seeds);
        }
        return seeds.asInt();
    }

    private static long firstSeed(JsonNode firstSeed, int seeds) {
        if (firstSeed.isMissingNode() || firstSeed.isNull()) {
            return 1;
        }
        if (!firstSeed.isIntegralNumber() || !firstSeed.canConvertToLong()) {
            throw ApiError.badRequest("firstSeed must be an integer, got " + firstSeed);
        }
        long first = firstSeed.asLong();
        if (first > Long.MAX_VALUE - seeds) {
            throw ApiError.badRequest("firstSeed " + first + " plus " + seeds + " seeds is beyond the largest seed");
        }
        return first;
    }

    /**
     * Values that are each valid may still contradict each other (say r larger than n); the experiment says so when
     * asked for its variants, claims and question, which is what the sweep will ask first.
     */
    static void requireConsistent(Experiment experiment, ParamValues values) {
        try {
            List<Variant> variants = experiment.variants(values);
            experiment.claims(values, variants);
            experiment.question(values, variants);
        } catch (ParamException inconsistent) {
            throw ApiError.badRequest(inconsistent.getMessage());
        }
    }
}
