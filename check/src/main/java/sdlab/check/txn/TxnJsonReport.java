package sdlab.check.txn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON form of a transactional check, for scripts. Its shape is stable:
 *
 * <pre>{@code
 * {"exitCode": 1,
 *  "inputs": [{"input": "h.edn", "model": "list-append", "verdict": "INVALID", "exitCode": 1,
 *              "transactions": 120, "edges": 410, "badInput": null, "unknownReason": null,
 *              "counts": {"G-single": 1}, "ruledOut": ["repeatable-read", ...],
 *              "anomalies": [{"kind": "G-single", "txns": [7, 4], "explanation": "...",
 *                             "cycle": [{"from": 7, "to": 4, "edge": "rw", "why": "..."}]}]}]}
 * }</pre>
 *
 * Transactions are numbered by invocation (0-based), as in the text report's {@code T7}.
 */
public final class TxnJsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TxnJsonReport() {}

    public static String render(List<TxnOutcome> outcomes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("exitCode", TxnCheck.exitCode(outcomes));
        ArrayNode inputs = root.putArray("inputs");
        outcomes.forEach(o -> inputs.add(input(o)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new AssertionError("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode input(TxnOutcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("input", outcome.name());
        node.put("model", outcome.model().cliName());
        node.put("verdict", outcome.verdict().name());
        node.put("exitCode", outcome.isBadInput() ? 2 : outcome.verdict().exitCode());
        TxnResult r = outcome.result();
        node.put("transactions", r == null ? 0 : r.transactions());
        node.put("edges", r == null ? 0 : r.edges());
        node.put("badInput", outcome.badInput());
        node.put("unknownReason", outcome.unknownReason());
        ObjectNode counts = node.putObject("counts");
        ArrayNode ruledOut = node.putArray("ruledOut");
        ArrayNode anomalies = node.putArray("anomalies");
        if (r != null) {
            r.counts().forEach(counts::put);
            r.ruledOut().forEach(ruledOut::add);
            r.anomalies().forEach(a -> anomalies.add(anomaly(a)));
        }
        return node;
    }

    private static ObjectNode anomaly(Anomaly a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", a.kind());
        a.txns().forEach(node.putArray("txns")::add);
        node.put("explanation", a.explanation());
        ArrayNode cycle = node.putArray("cycle");
        for (CycleStep s : a.cycle()) {
            ObjectNode step = cycle.addObject();
            step.put("from", s.from());
            step.put("to", s.to());
            step.put("edge", Edges.name(s.kind()));
            step.put("why", s.why());
        }
        return node;
    }
}
