package sdlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Experiment;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.Variant;

/**
 * What the chapters are, as JSON: the list ({@code GET /api/chapters}) and one chapter in full ({@code GET
 * /api/chapters/{id}}). Everything comes from the experiment's own definitions: parameter help, defaults and ranges
 * are its {@link Param}s' texts, never restated here.
 */
final class ChapterApi {
    private final Chapters chapters;

    ChapterApi(Chapters chapters) {
        this.chapters = chapters;
    }

    /** Every chapter with its question's text (null when it has none). */
    String list() {
        ArrayNode list = JsonText.MAPPER.createArrayNode();
        for (Experiment experiment : chapters.all()) {
            ObjectNode item = identity(list.addObject(), experiment);
            ParamValues defaults = ParamValues.defaults(experiment.params());
            Optional<Question> question = experiment.question(defaults, experiment.variants(defaults));
            item.put("question", question.map(Question::text).orElse(null));
        }
        return JsonText.write(list);
    }

    /** One chapter: explanation paragraphs, parameters, the variants and question at the defaults, the metrics. */
    String detail(String id) {
        Experiment experiment = chapters.require(id);
        ObjectNode root = identity(JsonText.object(), experiment);
        ArrayNode paragraphs = root.putArray("explanation");
        Arrays.stream(experiment.explanation().strip().split("\\R\\s*\\R"))
                .map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty())
                .forEach(paragraphs::add);
        ParamValues defaults = ParamValues.defaults(experiment.params());
        ArrayNode params = root.putArray("params");
        experiment.params().forEach(p -> param(params.addObject(), p, defaults));
        List<Variant> variants = experiment.variants(defaults);
        ArrayNode variantList = root.putArray("variants");
        variants.forEach(v -> variant(variantList.addObject(), v));
        experiment
                .question(defaults, variants)
                .ifPresentOrElse(q -> question(root.putObject("question"), q), () -> root.putNull("question"));
        root.put("takesForks", experiment.takesForks());
        ArrayNode metrics = root.putArray("metrics");
        experiment.metrics().forEach(m -> metric(metrics.addObject(), m));
        return JsonText.write(root);
    }

    private static ObjectNode identity(ObjectNode node, Experiment experiment) {
        node.put("id", experiment.id());
        node.put("chapter", experiment.identity().chapter());
        node.put("title", experiment.identity().title());
        node.put("summary", experiment.identity().summary());
        return node;
    }

    private static void param(ObjectNode node, Param<?> param, ParamValues defaults) {
        node.put("name", param.name());
        node.put("type", typeName(param.type()));
        node.put("default", defaults.text(param));
        node.put("range", param.rangeText());
        node.put("help", param.description());
        if (param.type().isEnum()) {
            // A choice's range text is its choices joined by '|', exactly as the parameter parses them.
            ArrayNode choices = node.putArray("choices");
            Arrays.stream(param.rangeText().split("\\|")).forEach(choices::add);
        }
    }

    /** The form control a parameter needs: integer, decimal, flag, choice or duration. */
    private static String typeName(Class<?> type) {
        if (type == Integer.class) {
            return "integer";
        }
        if (type == Double.class) {
            return "decimal";
        }
        if (type == Boolean.class) {
            return "flag";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type.isEnum()) {
            return "choice";
        }
        throw new IllegalStateException("a parameter of type " + type.getName() + " has no form control");
    }

    private static void variant(ObjectNode node, Variant variant) {
        node.put("name", variant.name());
        node.put("description", variant.description());
        ObjectNode settings = node.putObject("settings");
        for (Map.Entry<String, Object> setting : variant.settings().entrySet()) {
            settings.put(setting.getKey(), String.valueOf(setting.getValue()));
        }
    }

    private static void question(ObjectNode node, Question question) {
        node.put("text", question.text());
        ArrayNode options = node.putArray("options");
        for (Question.Option option : question.options()) {
            ObjectNode o = options.addObject();
            o.put("label", option.label());
            o.put("variant", option.variant());
            ArrayNode claims = o.putArray("claims");
            option.claims().forEach(claims::add);
            o.put("explanation", option.explanation());
        }
    }

    private static void metric(ObjectNode node, MetricSpec metric) {
        node.put("name", metric.name());
        node.put("description", metric.description());
        node.put("measured", metric.provenance().measured());
    }
}
