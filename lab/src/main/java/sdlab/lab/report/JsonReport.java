package sdlab.lab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sdlab.lab.MetricSpec;

/**
 * The report as JSON, in the stable schema documented in this package's {@code package-info}. Fields are written in a
 * fixed order, undefined numbers as {@code null}, non-ASCII characters escaped, lines ended by {@code \n} whatever the
 * platform: the same report gives the same bytes.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReport() {}

    /** The report as pretty-printed JSON text ending in a newline. */
    public static String render(ExperimentReport report) {
        try {
            return WRITER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    /** The report as a Jackson tree, for callers that embed it in a larger document. */
    public static ObjectNode tree(ExperimentReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("experiment", report.experiment());
        root.put("chapter", report.chapter());
        root.put("title", report.title());
        root.put("summary", report.summary());
        root.put("seeds", report.seeds());
        root.put("firstSeed", report.firstSeed());
        ObjectNode params = root.putObject("params");
        report.params().forEach(p -> putValue(params, p.name(), p.value()));
        ArrayNode variants = root.putArray("variants");
        report.variants().forEach(v -> variant(variants.addObject(), v));
        // Only when the experiment declares a stratum, so that other reports keep the bytes they always had.
        report.strata().ifPresent(strata -> strata(root.putObject("strata"), strata));
        ArrayNode claims = root.putArray("claims");
        report.claims().forEach(c -> claim(claims.addObject(), c));
        report.question().ifPresentOrElse(q -> question(root.putObject("question"), q), () -> root.putNull("question"));
        root.put("assertionsHold", report.assertionsHold());
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode metrics = root.putArray("metrics");
        report.metrics().forEach(m -> metric(metrics.addObject(), m));
        report.mergeable()
                .ifPresentOrElse(
                        state -> MergeableJson.write(root.putObject("mergeable"), state),
                        () -> root.putNull("mergeable"));
        return root;
    }

    private static void variant(ObjectNode node, VariantResult variant) {
        node.put("name", variant.name());
        node.put("description", variant.description());
        ObjectNode settings = node.putObject("params");
        variant.settings().forEach((name, value) -> putValue(settings, name, value));
        figures(node, variant);
        // Only when the sweep kept the pairs' cross products, so that a report merged from older shards reads as
        // before.
        if (!variant.differenceErrors().isEmpty()) {
            ObjectNode differences = node.putObject("differenceErrors");
            variant.differenceErrors().forEach((metric, errors) -> {
                ObjectNode byVariant = differences.putObject(metric);
                errors.forEach((other, error) -> putValue(byVariant, other, error));
            });
        }
    }

    /** A variant's metrics and their standard errors, over all seeds or one stratum's. */
    private static void figures(ObjectNode node, VariantResult variant) {
        ObjectNode metrics = node.putObject("metrics");
        for (Map.Entry<String, Number> metric : variant.metrics().entrySet()) {
            putValue(metrics, metric.getKey(), metric.getValue());
        }
        ObjectNode errors = node.putObject("standardErrors");
        for (String metric : variant.metrics().keySet()) {
            putValue(errors, metric, variant.standardError(metric));
        }
    }

    private static void strata(ObjectNode node, StrataResult strata) {
        node.put("name", strata.name());
        ArrayNode values = node.putArray("values");
        for (StratumResult stratum : strata.strata()) {
            ObjectNode value = values.addObject();
            value.put("value", stratum.value());
            ArrayNode variants = value.putArray("variants");
            for (VariantResult variant : stratum.variants()) {
                ObjectNode v = variants.addObject();
                v.put("name", variant.name());
                v.put("seeds", stratum.seeds(variant.name()));
                figures(v, variant);
            }
        }
    }

    private static void metric(ObjectNode node, MetricSpec metric) {
        node.put("name", metric.name());
        node.put("description", metric.description());
        node.put("provenance", ProvenanceNote.kind(metric));
        ArrayNode inputs = node.putArray("derivedFrom");
        ProvenanceNote.inputs(metric).forEach(inputs::add);
    }

    private static void claim(ObjectNode node, ClaimResult claim) {
        node.put("name", claim.name());
        node.put("description", claim.description());
        node.put("scope", claim.scope().name().toLowerCase(Locale.ROOT));
        node.put("role", claim.role().name().toLowerCase(Locale.ROOT));
        node.put("holds", claim.holds());
        node.put("applicable", claim.applicable());
        node.put("seedsChecked", claim.seedsChecked());
        node.put("seedsHolding", claim.seedsHolding());
        node.put("wilsonLow", claim.wilsonLow());
        node.put("wilsonHigh", claim.wilsonHigh());
        node.put("evidence", claim.evidence());
        putSeed(node, "counterexampleSeed", claim.counterexampleSeed());
        putSeed(node, "witnessSeed", claim.witnessSeed());
        claim.replayCommand()
                .ifPresentOrElse(command -> node.put("replayCommand", command), () -> node.putNull("replayCommand"));
        putText(node, "evidenceVariant", claim.evidenceVariant());
        putText(node, "illustration", claim.illustration());
    }

    private static void question(ObjectNode node, QuestionResult question) {
        node.put("text", question.text());
        ArrayNode options = node.putArray("options");
        for (QuestionResult.OptionResult option : question.options()) {
            ObjectNode o = options.addObject();
            o.put("label", option.label());
            o.put("variant", option.variant());
            o.put("supported", option.supported());
            ArrayNode claims = o.putArray("claims");
            option.claims().forEach(claims::add);
            o.put("why", option.why());
            o.put("explanation", option.explanation());
            o.put("decided", option.decided());
            putText(o, "evidenceVariant", option.evidenceVariant());
            putSeed(o, "evidenceSeed", option.evidenceSeed());
        }
    }

    private static void putText(ObjectNode node, String field, Optional<String> text) {
        text.ifPresentOrElse(value -> node.put(field, value), () -> node.putNull(field));
    }

    private static void putSeed(ObjectNode node, String field, OptionalLong seed) {
        if (seed.isPresent()) {
            node.put(field, seed.getAsLong());
        } else {
            node.putNull(field);
        }
    }

    /** Numbers and booleans as JSON numbers and booleans (NaN and infinities as null), anything else as text. */
    private static void putValue(ObjectNode node, String field, Object value) {
        switch (value) {
            case Long l -> node.put(field, l);
            case Integer i -> node.put(field, i);
            case Double d when !Double.isFinite(d) -> node.putNull(field);
            case Double d -> node.put(field, d);
            case Boolean b -> node.put(field, b);
            case null -> node.putNull(field);
            default -> node.put(field, value.toString());
        }
    }
}
