package sdlab.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import sdlab.lab.report.MergeableState.ClaimState;
import sdlab.lab.report.MergeableState.LatencyBuckets;
import sdlab.lab.report.MergeableState.MetricState;
import sdlab.lab.report.MergeableState.PairState;
import sdlab.lab.report.MergeableState.SeedNote;
import sdlab.lab.report.MergeableState.VariantState;

/**
 * The {@code "mergeable"} section of the JSON report (see the schema in this package's {@code package-info}), written
 * and read back. Reading is strict: a section that lacks a field or has one of the wrong kind is refused with the path
 * of the field, since a merge built on a guess would not be the report of one run.
 */
public final class MergeableJson {
    private MergeableJson() {}

    static void write(ObjectNode node, MergeableState state) {
        node.put("format", state.format());
        node.put("definition", state.definition());
        state.onlyVariant().ifPresentOrElse(v -> node.put("onlyVariant", v), () -> node.putNull("onlyVariant"));
        ObjectNode params = node.putObject("params");
        state.paramTexts().forEach(params::put);
        ArrayNode variants = node.putArray("variants");
        state.variants().forEach(v -> variant(variants.addObject(), v));
        ArrayNode claims = node.putArray("claims");
        state.claims().forEach(c -> claim(claims.addObject(), c));
        if (!state.pairs().isEmpty()) {
            ArrayNode pairs = node.putArray("pairs");
            state.pairs().forEach(p -> pair(pairs.addObject(), p));
        }
    }

    /** Two variants' cross products: the ratio's three extra sums only where they are not zero by definition. */
    private static void pair(ObjectNode node, PairState pair) {
        node.putArray("variants").add(pair.first()).add(pair.second());
        ObjectNode metrics = node.putObject("metrics");
        pair.metrics().forEach((name, cross) -> {
            ObjectNode m = metrics.putObject(name);
            m.put("numerators", cross.numerators());
            if (!cross.denominators().equals("0")) {
                m.put("firstNumeratorSecondDenominator", cross.firstNumeratorSecondDenominator());
                m.put("firstDenominatorSecondNumerator", cross.firstDenominatorSecondNumerator());
                m.put("denominators", cross.denominators());
            }
        });
    }

    private static void variant(ObjectNode node, VariantState variant) {
        node.put("name", variant.name());
        tally(node, variant);
        // Only for an experiment that declares a stratum, so that other reports keep the bytes they always had.
        if (!variant.strata().isEmpty()) {
            ObjectNode strata = node.putObject("strata");
            variant.strata().forEach((value, tally) -> tally(strata.putObject(value), tally));
        }
    }

    /** A variant's tally, or one stratum's: its seeds, metrics and histograms. */
    private static void tally(ObjectNode node, VariantState variant) {
        node.put("seeds", variant.seeds());
        ObjectNode metrics = node.putObject("metrics");
        variant.metrics().forEach((name, metric) -> {
            ObjectNode m = metrics.putObject(name);
            switch (metric) {
                case MetricState.Total total -> m.put("total", total.total());
                case MetricState.Fraction fraction -> {
                    m.put("numerator", fraction.numerator());
                    m.put("denominator", fraction.denominator());
                }
                case MetricState.ExactSum sum -> m.put("exactSum", sum.text());
            }
            MergeableState.Spread spread = variant.spreads().get(name);
            if (spread != null) {
                ObjectNode s = m.putObject("spread");
                s.put("squares", spread.squares());
                s.put("denominatorSquares", spread.denominatorSquares());
                s.put("crossProducts", spread.crossProducts());
            }
        });
        ObjectNode histograms = node.putObject("histograms");
        variant.histograms().forEach((name, buckets) -> histograms.put(name, bucketsText(buckets)));
    }

    /** "1000:3 1024:1": value in nanoseconds and count of each non-empty bucket, on one line however many. */
    private static String bucketsText(LatencyBuckets buckets) {
        StringJoiner text = new StringJoiner(" ");
        buckets.countsByValueNanos().forEach((value, count) -> text.add(value + ":" + count));
        return text.toString();
    }

    private static void claim(ObjectNode node, ClaimState claim) {
        node.put("name", claim.name());
        node.put("seedsChecked", claim.seedsChecked());
        node.put("seedsHolding", claim.seedsHolding());
        seedNote(node, "firstViolation", claim.firstViolation());
        seedNote(node, "firstHolding", claim.firstHolding());
    }

    private static void seedNote(ObjectNode node, String field, Optional<SeedNote> note) {
        if (note.isEmpty()) {
            node.putNull(field);
            return;
        }
        ObjectNode n = node.putObject(field);
        n.put("seed", note.get().seed());
        n.put("text", note.get().text());
        n.put("variant", note.get().variant());
    }

    /**
     * The shard that the JSON report {@code root} describes. Throws {@link IllegalArgumentException} saying what is
     * missing or malformed when it is not a report of {@code sdlab run --json} that carries a mergeable section.
     */
    public static Shard shard(String source, JsonNode root) {
        Fields top = new Fields(root, "");
        JsonNode section = root.path("mergeable");
        if (!section.isObject()) {
            throw new IllegalArgumentException("it has no \"mergeable\" section: it is not the JSON of 'sdlab run "
                    + "--json', or an sdlab without 'sdlab merge' wrote it; run that seed range again");
        }
        Fields fields = new Fields(section, "mergeable.");
        int format = fields.integer("format");
        if (format != MergeableState.FORMAT) {
            throw new IllegalArgumentException("its mergeable section has format " + format + ", and this sdlab reads "
                    + "format " + MergeableState.FORMAT + "; merge with the sdlab that wrote it");
        }
        MergeableState state = new MergeableState(
                format,
                fields.text("definition"),
                fields.optionalText("onlyVariant"),
                fields.textMap("params"),
                fields.objects("variants").stream().map(MergeableJson::variant).toList(),
                fields.objects("claims").stream().map(MergeableJson::claim).toList(),
                fields.has("pairs") // absent with one variant, and in states written before pairs were kept
                        ? fields.objects("pairs").stream()
                                .map(MergeableJson::pair)
                                .toList()
                        : List.of());
        int seeds = top.integer("seeds");
        if (seeds < 1) {
            throw new IllegalArgumentException("it covers " + seeds + " seeds");
        }
        return new Shard(source, top.text("experiment"), top.longValue("firstSeed"), seeds, state);
    }

    private static VariantState variant(Fields variant) {
        String name = variant.text("name");
        Map<String, VariantState> strata = new LinkedHashMap<>();
        if (variant.has("strata")) { // absent in reports of experiments without a stratum
            variant.object("strata").forEach((value, tally) -> strata.put(value, tally(name, tally)));
        }
        return tally(name, variant).withStrata(strata);
    }

    private static VariantState tally(String variantName, Fields variant) {
        Map<String, MetricState> metrics = new LinkedHashMap<>();
        Map<String, MergeableState.Spread> spreads = new LinkedHashMap<>();
        variant.object("metrics").forEach((name, metric) -> {
            metrics.put(name, metric(metric));
            if (metric.has("spread")) { // absent in states written before spreads were kept
                metric.optionalObject("spread")
                        .ifPresent(spread -> spreads.put(
                                name,
                                new MergeableState.Spread(
                                        spread.text("squares"),
                                        spread.text("denominatorSquares"),
                                        spread.text("crossProducts"))));
            }
        });
        Map<String, LatencyBuckets> histograms = new LinkedHashMap<>();
        variant.textMap("histograms")
                .forEach((name, text) -> histograms.put(name, buckets(text, variant.path() + "histograms." + name)));
        return new VariantState(variantName, variant.integer("seeds"), metrics, spreads, histograms);
    }

    private static MetricState metric(Fields metric) {
        if (metric.has("total")) {
            return new MetricState.Total(metric.longValue("total"));
        }
        if (metric.has("exactSum")) {
            return new MetricState.ExactSum(metric.text("exactSum"));
        }
        return new MetricState.Fraction(metric.longValue("numerator"), metric.longValue("denominator"));
    }

    private static LatencyBuckets buckets(String text, String path) {
        TreeMap<Long, Long> counts = new TreeMap<>();
        if (text.isEmpty()) {
            return new LatencyBuckets(counts);
        }
        for (String bucket : text.split(" ")) {
            String[] parts = bucket.split(":");
            try {
                long value = Long.parseLong(parts[0]);
                long count = Long.parseLong(parts[1]);
                if (parts.length != 2 || value < 0 || count < 1 || counts.put(value, count) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        path + " has '" + bucket + "' where a value:count bucket (both whole numbers) belongs");
            }
        }
        return new LatencyBuckets(counts);
    }

    private static PairState pair(Fields pair) {
        List<String> variants = pair.texts("variants");
        if (variants.size() != 2) {
            throw new IllegalArgumentException(pair.path() + "variants names " + variants.size() + " variants, not 2");
        }
        Map<String, MergeableState.Cross> metrics = new LinkedHashMap<>();
        pair.object("metrics").forEach((name, cross) -> {
            boolean ratio = cross.has("denominators");
            metrics.put(
                    name,
                    new MergeableState.Cross(
                            cross.text("numerators"),
                            ratio ? cross.text("firstNumeratorSecondDenominator") : "0",
                            ratio ? cross.text("firstDenominatorSecondNumerator") : "0",
                            ratio ? cross.text("denominators") : "0"));
        });
        return new PairState(variants.get(0), variants.get(1), metrics);
    }

    private static ClaimState claim(Fields claim) {
        return new ClaimState(
                claim.text("name"),
                claim.integer("seedsChecked"),
                claim.integer("seedsHolding"),
                claim.optionalObject("firstViolation").map(MergeableJson::seedNote),
                claim.optionalObject("firstHolding").map(MergeableJson::seedNote));
    }

    private static SeedNote seedNote(Fields note) {
        return new SeedNote(note.longValue("seed"), note.text("text"), note.text("variant"));
    }

    /** Typed access to one JSON object's fields, naming the field's path in every complaint. */
    private record Fields(JsonNode node, String path) {
        boolean has(String field) {
            return node.has(field);
        }

        String text(String field) {
            JsonNode value = node.path(field);
            if (!value.isTextual()) {
                throw missing(field, "text");
            }
            return value.asText();
        }

        Optional<String> optionalText(String field) {
            return node.path(field).isNull() ? Optional.empty() : Optional.of(text(field));
        }

        long longValue(String field) {
            JsonNode value = node.path(field);
            if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                throw missing(field, "a whole number");
            }
            return value.asLong();
        }

        int integer(String field) {
            JsonNode value = node.path(field);
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                throw missing(field, "a whole number");
            }
            return value.asInt();
        }

        Map<String, String> textMap(String field) {
            Map<String, String> texts = new LinkedHashMap<>();
            object(field)
                    .forEach((name, value) -> texts.put(name, value.node.isTextual() ? value.node.asText() : null));
            if (texts.containsValue(null)) {
                throw missing(field, "an object of texts");
            }
            return texts;
        }

        Map<String, Fields> object(String field) {
            JsonNode value = node.path(field);
            if (!value.isObject()) {
                throw missing(field, "an object");
            }
            Map<String, Fields> fields = new LinkedHashMap<>();
            value.fields()
                    .forEachRemaining(e ->
                            fields.put(e.getKey(), new Fields(e.getValue(), path + field + "." + e.getKey() + ".")));
            return fields;
        }

        Optional<Fields> optionalObject(String field) {
            JsonNode value = node.path(field);
            if (value.isNull()) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                throw missing(field, "an object or null");
            }
            return Optional.of(new Fields(value, path + field + "."));
        }

        List<String> texts(String field) {
            JsonNode value = node.path(field);
            List<String> items = new ArrayList<>();
            for (int i = 0; value.isArray() && i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    throw missing(field + "[" + i + "]", "text");
                }
                items.add(value.get(i).asText());
            }
            if (!value.isArray()) {
                throw missing(field, "an array");
            }
            return items;
        }

        List<Fields> objects(String field) {
            JsonNode value = node.path(field);
            if (!value.isArray()) {
                throw missing(field, "an array");
            }
            List<Fields> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw missing(field + "[" + i + "]", "an object");
                }
                items.add(new Fields(value.get(i), path + field + "[" + i + "]."));
            }
            return items;
        }

        private IllegalArgumentException missing(String field, String kind) {
            return new IllegalArgumentException(path + field + " is missing or not " + kind);
        }
    }
}
