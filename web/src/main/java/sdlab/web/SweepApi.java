package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ParamSweep;

/**
 * A metric against a parameter: one parameter swept over a few values, every variant over the same seeds at each,
 * each metric kept per seed ({@link ParamSweep}), for the chart that draws one dot per seed. It answers when done (a
 * bounded job of seconds, not a run to follow), one at a time.
 */
final class SweepApi {
    static final int VALUES_MAX = 10;
    static final int SEEDS_MAX = 100;
    /** Values times seeds: each runs every variant, so this bounds a sweep to about what a 500-seed run costs. */
    static final int RUNS_MAX = 500;

    private static final Set<String> FIELDS = Set.of("experiment", "param", "values", "seeds", "firstSeed", "params");

    private final Chapters chapters;
    private final Semaphore sweeping = new Semaphore(1);

    SweepApi(Chapters chapters) {
        this.chapters = chapters;
    }

    String sweep(String body) {
        JsonNode root = RunRequestParser.readObject(body);
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest("unknown field '" + name + "'; a sweep takes "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        if (!root.path("experiment").isTextual()) {
            throw ApiError.badRequest("name the experiment: {\"experiment\": \"quorum\", \"param\": \"loss\", ...}");
        }
        Experiment experiment = chapters.require(root.path("experiment").asText());
        ParamValues values = RunRequestParser.values(experiment, root.path("params"));
        String param = param(experiment, root.path("param"));
        List<String> texts = texts(root.path("values"));
        int seeds = bounded(root.path("seeds"), "seeds", 10, SEEDS_MAX);
        if (seeds * texts.size() > RUNS_MAX) {
            throw ApiError.badRequest("values times seeds must be at most " + RUNS_MAX + ", got " + texts.size() + " x "
                    + seeds + "; sweep fewer values or seeds, or use sdlab run for more");
        }
        long firstSeed = bounded(root.path("firstSeed"), "firstSeed", 1, Integer.MAX_VALUE - seeds);
        if (!sweeping.tryAcquire()) {
            throw ApiError.tooManyRequests("a sweep is running already; ask again when it is done");
        }
        try {
            List<ParamSweep.Point> points = ParamSweep.run(
                    experiment,
                    values,
                    param,
                    texts,
                    firstSeed,
                    seeds,
                    Runtime.getRuntime().availableProcessors());
            return write(experiment, param, texts, seeds, firstSeed, points);
        } catch (ParamException bad) {
            throw ApiError.badRequest(bad.getMessage());
        } finally {
            sweeping.release();
        }
    }

    private static String write(
            Experiment experiment,
            String param,
            List<String> texts,
            int seeds,
            long firstSeed,
            List<ParamSweep.Point> points) {
        ObjectNode answer = JsonText.object();
        answer.put("experiment", experiment.id());
        answer.put("param", param);
        texts.forEach(answer.putArray("values")::add);
        answer.put("seeds", seeds);
        answer.put("firstSeed", firstSeed);
        Set<String> variants = new LinkedHashSet<>();
        points.forEach(point -> variants.add(point.variant()));
        variants.forEach(answer.putArray("variants")::add);
        ArrayNode rows = answer.putArray("points");
        for (ParamSweep.Point point : points) {
            ObjectNode row = rows.addObject();
            row.put("value", point.value());
            row.put("variant", point.variant());
            row.put("seed", point.seed());
            ObjectNode metrics = row.putObject("metrics");
            for (Map.Entry<String, Number> metric : point.metrics().entrySet()) {
                double number = metric.getValue().doubleValue();
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    metrics.putNull(metric.getKey()); // nothing to measure on this seed (no reads, say)
                } else if (metric.getValue() instanceof Long || metric.getValue() instanceof Integer) {
                    metrics.put(metric.getKey(), metric.getValue().longValue());
                } else {
                    metrics.put(metric.getKey(), number);
                }
            }
        }
        return JsonText.write(answer);
    }

    private static String param(Experiment experiment, JsonNode name) {
        List<String> names = experiment.params().stream().map(Param::name).toList();
        if (!name.isTextual() || !names.contains(name.asText())) {
            throw ApiError.badRequest("param must name one of " + experiment.id() + "'s parameters: "
                    + String.join(", ", names) + "; got " + name);
        }
        return name.asText();
    }

    private static List<String> texts(JsonNode values) {
        if (!values.isArray() || values.size() < 2 || values.size() > VALUES_MAX) {
            throw ApiError.badRequest(
                    "values must be a list of 2 to " + VALUES_MAX + " values of the parameter, got " + values);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isValueNode() || value.isNull()) {
                throw ApiError.badRequest("each value must be a number or text the parameter reads, got " + value);
            }
            if (texts.contains(value.asText())) {
                throw ApiError.badRequest("the value " + value.asText() + " is given twice");
            }
            texts.add(value.asText());
        }
        return texts;
    }

    private static int bounded(JsonNode node, String name, int fallback, int max) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > max) {
            throw ApiError.badRequest(name + " must be an integer from 1 to " + max + ", got " + node);
        }
        return node.asInt();
    }
}
