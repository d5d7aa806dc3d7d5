package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runs list shows of a run, and what its summary file keeps: which chapter, which parameters and seeds, how
 * it ended, and its verdict in short. The full report is kept beside it.
 *
 * @param id the run's id
 * @param experiment the experiment's id
 * @param chapter its chapter number
 * @param title its title
 * @param state how the run ended (or {@link RunState#RUNNING} for one in progress)
 * @param params the parameters that differ from their defaults, as text
 * @param seeds seeds asked for
 * @param firstSeed the first of them
 * @param seedsDone seeds merged when it ended
 * @param startedAt when it was started
 * @param verdict the verdict in short, for a run with a report
 * @param error for a failed run, what failed
 */
record KeptRun(
        String id,
        String experiment,
        int chapter,
        String title,
        RunState state,
        Map<String, String> params,
        int seeds,
        long firstSeed,
        int seedsDone,
        Instant startedAt,
        Optional<Verdict> verdict,
        Optional<String> error) {
    KeptRun {
        Objects.requireNonNull(id, "id");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(error, "error");
    }

    /**
     * A finished run's verdict in short, for colouring the list.
     *
     * @param assertionsHold every assertion held
     * @param supported the labels of the question's options the measurements support
     * @param refuted the labels of the options they refute
     */
    record Verdict(boolean assertionsHold, List<String> supported, List<String> refuted) {
        Verdict {
            supported = List.copyOf(supported);
            refuted = List.copyOf(refuted);
        }
    }

    /** The summary of {@code run} as it stands: {@code state}, after {@code seedsDone} seeds. */
    static KeptRun of(LiveRun run, RunState state, int seedsDone, Optional<Verdict> verdict, Optional<String> error) {
        RunRequest request = run.request();
        return new KeptRun(
                run.id(),
                request.experiment().id(),
                request.experiment().identity().chapter(),
                request.experiment().identity().title(),
                state,
                request.values().nonDefaults(),
                request.seeds(),
                request.firstSeed(),
                seedsDone,
                run.startedAt(),
                verdict,
                error);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonText.object();
        node.put("id", id);
        node.put("experiment", experiment);
        node.put("chapter", chapter);
        node.put("title", title);
        node.put("state", state.apiName());
        ObjectNode paramTexts = node.putObject("params");
        params.forEach(paramTexts::put);
        node.put("seeds", seeds);
        node.put("firstSeed", firstSeed);
        node.put("seedsDone", seedsDone);
        node.put("startedAt", startedAt.toString());
        verdict.ifPresentOrElse(
                v -> {
                    ObjectNode verdictNode = node.putObject("verdict");
                    verdictNode.put("assertionsHold", v.assertionsHold());
                    ArrayNode supported = verdictNode.putArray("supported");
                    v.supported().forEach(supported::add);
                    ArrayNode refuted = verdictNode.putArray("refuted");
                    v.refuted().forEach(refuted::add);
                },
                () -> node.putNull("verdict"));
        node.put("error", error.orElse(null));
        return node;
    }

    /** Reads what {@link #toJson} wrote; a file that does not read so is skipped by the store, not trusted. */
    static KeptRun fromJson(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode verdict = node.path("verdict");
        Optional<Verdict> shortVerdict = verdict.isObject()
                ? Optional.of(new Verdict(
                        verdict.path("assertionsHold").asBoolean(),
                        texts(verdict.path("supported")),
                        texts(verdict.path("refuted"))))
                : Optional.empty();
        JsonNode error = node.path("error");
        return new KeptRun(
                node.required("id").asText(),
                node.required("experiment").asText(),
                node.required("chapter").asInt(),
                node.required("title").asText(),
                RunState.fromApiName(node.required("state").asText()),
                params,
                node.required("seeds").asInt(),
                node.required("firstSeed").asLong(),
                node.required("seedsDone").asInt(),
                Instant.parse(node.required("startedAt").asText()),
                shortVerdict,
                error.isTextual() ? Optional.of(error.asText()) : Optional.empty());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array instanceof ArrayNode items) {
            items.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }
}
