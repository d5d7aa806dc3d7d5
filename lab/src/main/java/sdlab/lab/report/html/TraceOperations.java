package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;

/**
 * Where each client operation is in a run's trace, and what the trace calls it, so that the diagram, the history and
 * the findings name an operation alike ({@code op 59}, client {@code c4}) and a reader can search {@code --trace} for
 * it.
 *
 * <p>The simulator records an operation's invocation in the history and an INVOKE event in the trace in one step, so
 * the k-th INVOKE event of the trace is operation k of the history (the id checkers flag). The trace writes the
 * invocation as {@code Invocation[opId=59, ...]} and the completion, on the same client, as {@code op 59: ...}; the
 * number is read from there. A trace without INVOKE events (a toy experiment) locates no operation.
 */
public final class TraceOperations {
    private static final Pattern OP_ID = Pattern.compile("\\bopId=(\\d+)");

    private final List<Integer> invokeIndexes = new ArrayList<>();
    private final List<Integer> completeIndexes = new ArrayList<>();
    private final List<NodeId> clients = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    public TraceOperations(List<TraceEvent> trace) {
        Map<NodeId, Integer> open = new HashMap<>();
        for (int index = 0; index < trace.size(); index++) {
            TraceEvent event = trace.get(index);
            if (event.kind() == TraceEvent.Kind.INVOKE) {
                int id = invokeIndexes.size();
                invokeIndexes.add(index);
                completeIndexes.add(-1);
                clients.add(event.node());
                Matcher number = OP_ID.matcher(event.detail());
                names.add(number.find() ? "op " + number.group(1) : "op " + (id + 1));
                open.put(event.node(), id);
            } else if (event.kind() == TraceEvent.Kind.COMPLETE) {
                Integer id = open.remove(event.node());
                if (id != null) {
                    completeIndexes.set(id, index);
                }
            }
        }
    }

    /** How many operations the trace invoked. */
    public int size() {
        return invokeIndexes.size();
    }

    /** True if the trace has operation {@code id}. */
    public boolean has(int id) {
        return id >= 0 && id < invokeIndexes.size();
    }

    /** The trace's name for operation {@code id} ("op 59"); "op id+1", the simulator's numbering, if unknown. */
    public String name(int id) {
        return has(id) ? names.get(id) : "op " + (id + 1);
    }

    /** The index in the trace of operation {@code id}'s INVOKE event. */
    public int invokeIndex(int id) {
        return invokeIndexes.get(id);
    }

    /** The index in the trace of operation {@code id}'s COMPLETE event, or -1 if it never completed. */
    public int completeIndex(int id) {
        return completeIndexes.get(id);
    }

    /** The client that ran operation {@code id}, as the trace names it. */
    public NodeId client(int id) {
        return clients.get(id);
    }

    /** The client name of history process {@code process}, read from the operations it invoked: "c4" for 3. */
    public Map<Integer, String> clientNames(List<OperationSpan> spans) {
        Map<Integer, String> byProcess = new HashMap<>();
        for (OperationSpan span : spans) {
            if (has(span.id()) && clients.get(span.id()) != null) {
                byProcess.putIfAbsent(
                        span.invoke().process(), clients.get(span.id()).name());
            }
        }
        return byProcess;
    }
}
