package sdlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import sdlab.core.history.History;
import sdlab.core.history.OpType;
import sdlab.lab.report.html.OperationSpan;
import sdlab.lab.report.html.TraceOperations;
import sdlab.sim.TraceEvent;

/**
 * A run's client history for the page: each operation from invocation to completion, named as the trace names it
 * ({@code op 59} of {@code c4}, as {@code --trace} and the HTML report do), with the trace events where it starts
 * and ends, so that the two views step together, the reason a checker flagged it, if one did, and how it came about
 * ({@link FailureChain}).
 */
final class OperationsJson {
    private OperationsJson() {}

    /** Flagged operations explained with {@link FailureChain}; beyond these, the checker's reason only. */
    static final int CHAINS_MAX = 200;

    static ArrayNode of(
            History history,
            List<TraceEvent> trace,
            int[] owners,
            SortedMap<Integer, String> flagged,
            Map<Integer, ModelStates.Step> linearized) {
        TraceOperations names = new TraceOperations(trace);
        List<OperationSpan> spans = OperationSpan.of(history);
        FailureChain chains = new FailureChain(spans, trace, owners, names);
        int chained = 0;
        Map<Integer, String> clients = names.clientNames(spans);
        ArrayNode operations = JsonText.MAPPER.createArrayNode();
        for (OperationSpan span : spans) {
            ObjectNode op = operations.addObject();
            int process = span.invoke().process();
            op.put("id", span.id());
            op.put("name", names.name(span.id()));
            op.put("client", clients.getOrDefault(process, "p" + process));
            op.put("process", process);
            op.put("f", span.invoke().f());
            op.put("key", span.invoke().key());
            op.set("value", JsonText.MAPPER.valueToTree(span.invoke().value()));
            op.put("type", span.kind());
            boolean ok = span.completion() != null && span.completion().type() == OpType.OK;
            op.set("output", JsonText.MAPPER.valueToTree(ok ? span.completion().value() : null));
            op.put("error", span.completion() == null ? null : span.completion().error());
            op.put("invokeNanos", span.startNanos());
            if (span.completion() == null) {
                op.putNull("completeNanos");
            } else {
                op.put("completeNanos", span.completion().timeNanos());
            }
            op.put("invokeEvent", names.has(span.id()) ? names.invokeIndex(span.id()) : -1);
            op.put("completeEvent", names.has(span.id()) ? names.completeIndex(span.id()) : -1);
            op.put("summary", span.summary());
            op.put("flagged", flagged.get(span.id()));
            ModelStates.Step placed = linearized.get(span.id());
            if (placed == null) {
                op.putNull("order").putNull("stateBefore").putNull("stateAfter");
            } else {
                op.put("order", placed.position())
                        .put("stateBefore", placed.before())
                        .put("stateAfter", placed.after());
            }
            if (flagged.containsKey(span.id()) && chained++ < CHAINS_MAX) {
                ArrayNode why = op.putArray("why");
                for (FailureChain.Step step : chains.of(span.id())) {
                    why.addObject().put("text", step.text()).put("event", step.event());
                }
            } else {
                op.putNull("why");
            }
        }
        return operations;
    }
}
