package sdlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import sdlab.check.history.HistoryFormat;
import sdlab.check.history.Operation;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Model;
import sdlab.check.linear.Models;
import sdlab.check.report.CheckOutcome;
import sdlab.check.report.CheckRequest;
import sdlab.check.report.Checker;
import sdlab.check.report.JsonReport;
import sdlab.check.report.NamedInput;

/**
 * {@code sdlab check} over HTTP: a pasted or uploaded history, checked for linearizability against one of the
 * check module's models by its own parsers and checker, answered with {@code sdlab check --json}'s report of that
 * input and the operations for the page's timeline. Nothing is parsed or checked here.
 *
 * <p>The search is NP-complete, so each check gets a deadline and a memory bound (an exhausted search answers
 * unknown, as on the command line) and only one runs at a time.
 */
final class CheckApi {
    /** The largest body taken: 8 MiB holds a history of tens of thousands of operations. */
    static final long BODY_BYTES_MAX = 8L * 1024 * 1024;

    /** How long one check may search before it answers unknown. */
    static final long TIMEOUT_SECONDS = 20;

    /** What one check's search may hold at once; the command line's default is half the heap. */
    static final long MEMORY_BYTES_MAX = 256L * 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("model", "history", "name");

    private final Semaphore checks = new Semaphore(1);

    /** The models and formats there are: {@code {"models": [...], "formats": [...], "bodyBytesMax": N}}. */
    String models() {
        ObjectNode answer = JsonText.object();
        Models.names().forEach(answer.putArray("models")::add);
        Arrays.stream(HistoryFormat.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .forEach(answer.putArray("formats")::add);
        answer.put("bodyBytesMax", BODY_BYTES_MAX);
        answer.put("timeoutSeconds", TIMEOUT_SECONDS);
        return JsonText.write(answer);
    }

    /** Checks {@code {"model": "cas-register", "history": "...", "name": "h.edn"}}. */
    String check(String body) {
        JsonNode root = readObject(body);
        Model model = model(root.path("model"));
        JsonNode history = root.path("history");
        if (!history.isTextual() || history.asText().isBlank()) {
            throw ApiError.badRequest("paste or upload a history: {\"history\": \"text in JSON, JSON lines, EDN or"
                    + " Jepsen log lines\"}");
        }
        String name = root.path("name").isTextual() ? root.path("name").asText() : "history";
        if (!checks.tryAcquire()) {
            throw ApiError.tooManyRequests("a history is being checked already; check this one when it is done");
        }
        CheckOutcome outcome;
        try {
            CheckLimits limits = CheckLimits.unlimited()
                    .withTimeout(System::nanoTime, TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS))
                    .withMemoryBytesMax(MEMORY_BYTES_MAX);
            outcome = Checker.run(new CheckRequest(model, List.of(new NamedInput(name, history.asText())), limits))
                    .getFirst();
        } finally {
            checks.release();
        }
        if (outcome.isBadInput()) {
            throw ApiError.badRequest("the history could not be read: " + outcome.badInput());
        }
        ObjectNode answer = (ObjectNode)
                readTree(JsonReport.render(List.of(outcome))).path("inputs").get(0);
        answer.set("operations", operations(outcome.ops(), ModelStates.of(model, outcome.ops(), outcome.result())));
        return JsonText.write(answer);
    }

    private static Model model(JsonNode name) {
        if (!name.isTextual()) {
            throw ApiError.badRequest(
                    "name the model: {\"model\": \"cas-register\", ...}; models: " + String.join(", ", Models.names()));
        }
        return Models.byName(name.asText())
                .orElseThrow(() -> ApiError.badRequest(
                        "no model named '" + name.asText() + "'; use one of " + String.join(", ", Models.names())));
    }

    private static ArrayNode operations(List<Operation> ops, Map<Integer, ModelStates.Step> steps) {
        ArrayNode list = JsonText.MAPPER.createArrayNode();
        for (Operation op : ops) {
            ObjectNode node = list.addObject();
            node.put("id", op.id());
            node.put("process", op.process());
            node.put("f", op.f());
            node.put("key", op.key());
            node.set("input", JsonText.MAPPER.valueToTree(op.input()));
            node.set("output", JsonText.MAPPER.valueToTree(op.output()));
            node.put("status", op.status().name().toLowerCase(Locale.ROOT));
            node.put("invokeIndex", op.invokeIndex());
            node.put("completeIndex", op.completeIndex() == Operation.NEVER ? null : op.completeIndex());
            node.put("invokeTimeNanos", op.invokeTimeNanos());
            node.put("completeTimeNanos", op.completeTimeNanos() == Long.MAX_VALUE ? null : op.completeTimeNanos());
            node.put("error", op.error());
            ModelStates.Step step = steps.get(op.id());
            node.put("order", step == null ? null : step.position());
            node.put("stateBefore", step == null ? null : step.before());
            node.put("stateAfter", step == null ? null : step.after());
        }
        return list;
    }

    private static JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the body is empty; send {\"model\": \"cas-register\", \"history\": \"...\"}");
        }
        JsonNode root;
        try {
            root = JsonText.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(
                    "the body must be a JSON object: {\"model\": \"cas-register\", \"history\": " + "\"...\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw ApiError.badRequest("unknown field '" + field + "'; a check takes "
                        + FIELDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return root;
    }

    private static JsonNode readTree(String json) {
        try {
            return JsonText.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the check module's JSON report always parses", e);
        }
    }
}
