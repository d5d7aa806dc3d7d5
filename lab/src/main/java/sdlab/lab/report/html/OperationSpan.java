package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

/**
 * One client operation from its invocation to its completion (null when it never completed within the run).
 *
 * @param id the operation id checkers use: the 0-based position of its invocation among the history's invocations
 * @param invoke the invocation
 * @param completion the completion, or null
 */
public record OperationSpan(int id, Op invoke, Op completion) {
    /** Every invocation paired with its completion, per process, in invocation order. */
    public static List<OperationSpan> of(History history) {
        List<Op[]> pairs = new ArrayList<>();
        Map<Integer, Op[]> pending = new HashMap<>();
        for (Op op : history.ops()) {
            if (op.type() == OpType.INVOKE) {
                Op[] pair = {op, null};
                pairs.add(pair);
                pending.put(op.process(), pair);
            } else {
                Op[] pair = pending.remove(op.process());
                if (pair != null) {
                    pair[1] = op;
                }
            }
        }
        List<OperationSpan> spans = new ArrayList<>(pairs.size());
        for (int id = 0; id < pairs.size(); id++) {
            spans.add(new OperationSpan(id, pairs.get(id)[0], pairs.get(id)[1]));
        }
        return spans;
    }

    public long startNanos() {
        return invoke.timeNanos();
    }

    /** The completion time, or {@code runEndNanos} for an operation that never completed. */
    long endNanos(long runEndNanos) {
        return completion == null ? runEndNanos : completion.timeNanos();
    }

    /** The last instant this span knows of: its completion, or its invocation if it never completed. */
    public long latestNanos() {
        return completion == null ? invoke.timeNanos() : completion.timeNanos();
    }

    /** ok, fail, info, or open for an operation that never completed: the CSS class of its box. */
    public String kind() {
        return completion == null ? "open" : completion.type().wireName();
    }

    /** "read k0 → ok 4000000008" or "write k1 4000000001 → info (timeout)": what the operation did, in a few words. */
    public String summary() {
        StringBuilder text = new StringBuilder(invoke.f());
        if (invoke.key() != null) {
            text.append(' ').append(invoke.key());
        }
        if (invoke.value() != null) {
            text.append(' ').append(invoke.value());
        }
        if (completion == null) {
            return text.append(" → never completed").toString();
        }
        text.append(" → ").append(completion.type().wireName());
        if (completion.value() != null && completion.type() == OpType.OK) {
            text.append(' ').append(completion.value());
        }
        if (completion.error() != null) {
            text.append(" (").append(completion.error()).append(')');
        }
        return text.toString();
    }
}
