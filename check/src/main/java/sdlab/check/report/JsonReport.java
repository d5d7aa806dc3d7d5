package sdlab.check.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import sdlab.check.linear.PartitionResult;

/**
 * The JSON form of a check, for scripts. Its shape is stable:
 *
 * <pre>{@code
 * {"exitCode": 1,
 *  "inputs": [{"input": "h.json", "model": "cas-register", "verdict": "INVALID", "exitCode": 1,
 *              "operations": 80, "badInput": null, "explanation": "...",
 *              "partitions": [{"key": null, "verdict": "INVALID", "operations": 80,
 *                              "linearization": [0, 2, 1], "stateAfter": "3", "unplaced": [24, 25],
 *                              "steps": 967, "visitedStates": 512, "unknownReason": null}]}]}
 * }</pre>
 *
 * Operation numbers are ids in invocation order (0-based), as in the text and HTML reports.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** The report of several inputs' outcomes. */
    public static String render(List<CheckOutcome> outcomes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("exitCode", Checker.exitCode(outcomes));
        ArrayNode inputs = root.putArray("inputs");
        outcomes.forEach(outcome -> inputs.add(input(outcome)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new AssertionError("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode input(CheckOutcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("input", outcome.name());
        node.put("model", outcome.model());
        node.put("verdict", outcome.verdict().name());
        node.put("exitCode", outcome.exitCode());
        node.put("operations", outcome.ops().size());
        node.put("badInput", outcome.badInput());
        node.put("explanation", TextReport.explain(outcome));
        ArrayNode partitions = node.putArray("partitions");
        if (outcome.result() != null) {
            outcome.result().partitions().forEach(p -> partitions.add(partition(p)));
        }
        return node;
    }

    private static ObjectNode partition(PartitionResult p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", p.key());
        node.put("verdict", p.verdict().name());
        node.put("operations", p.operations());
        p.linearization().forEach(node.putArray("linearization")::add);
        node.put("stateAfter", p.stateAfter());
        p.unplaced().forEach(node.putArray("unplaced")::add);
        node.put("steps", p.steps());
        node.put("visitedStates", p.visitedStates());
        node.put("unknownReason", p.unknownReason());
        return node;
    }
}
