package sdlab.check.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/**
 * Pairs each invocation of a history with its completion, the first step of every checker.
 *
 * <p>Each process runs one operation at a time: an invocation is completed by the next entry of
 * the same process. {@code ok} gives the output, {@code fail} means the operation certainly did
 * not take effect, and {@code info} or a missing completion make its outcome unknown. A process
 * may invoke again after an {@code info}.
 */
public final class Operations {
    private Operations() {}

    /**
     * The operations of {@code history}, in order of invocation.
     *
     * @throws MalformedHistoryException if a completion has no invocation, names a different
     *     operation than its invocation, or a process invokes twice without a completion between
     */
    public static List<Operation> of(History history) {
        List<Op> ops = history.ops();
        Map<Integer, Integer> pendingByProcess = new HashMap<>();
        List<Operation> done = new ArrayList<>();
        for (int index = 0; index < ops.size(); index++) {
            Op op = ops.get(index);
            Integer pending = pendingByProcess.remove(op.process());
            switch (op.type()) {
                case INVOKE -> {
                    if (pending != null) {
                        throw problem(
                                index,
                                op,
                                "invoked again before its operation at entry " + (pending + 1)
                                        + " completed (complete it with an info entry)");
                    }
                    pendingByProcess.put(op.process(), index);
                }
                case OK, FAIL, INFO -> {
                    if (pending == null) {
                        throw problem(index, op, "completed an operation it never invoked");
                    }
                    done.add(pair(ops.get(pending), pending, op, index));
                }
            }
        }
        for (int pending : pendingByProcess.values()) {
            done.add(unfinished(ops.get(pending), pending));
        }
        done.sort(Comparator.comparingInt(Operation::invokeIndex));
        return renumber(done);
    }

    private static Operation pair(Op invoke, int invokeIndex, Op completion, int completeIndex) {
        if (!invoke.f().equals(completion.f())) {
            throw problem(
                    completeIndex,
                    completion,
                    "completed :" + completion.f() + " but invoked :" + invoke.f() + " at entry " + (invokeIndex + 1));
        }
        if (completion.key() != null && !Objects.equals(invoke.key(), completion.key())) {
            throw problem(
                    completeIndex,
                    completion,
                    "completed key " + completion.key() + " but invoked key " + invoke.key());
        }
        Status status =
                switch (completion.type()) {
                    case OK -> Status.OK;
                    case FAIL -> Status.FAIL;
                    case INFO -> Status.UNKNOWN;
                    case INVOKE -> throw new AssertionError("an invocation is not a completion");
                };
        boolean ok = status == Status.OK;
        boolean unknown = status == Status.UNKNOWN;
        return new Operation(
                0,
                invoke.process(),
                invoke.f(),
                invoke.key(),
                invoke.value(),
                ok ? completion.value() : null,
                status,
                invokeIndex,
                unknown ? Operation.NEVER : completeIndex,
                invoke.timeNanos(),
                unknown ? Long.MAX_VALUE : completion.timeNanos(),
                ok ? null : completion.error());
    }

    private static Operation unfinished(Op invoke, int invokeIndex) {
        return new Operation(
                0,
                invoke.process(),
                invoke.f(),
                invoke.key(),
                invoke.value(),
                null,
                Status.UNKNOWN,
                invokeIndex,
                Operation.NEVER,
                invoke.timeNanos(),
                Long.MAX_VALUE,
                "no completion");
    }

    /** Gives the operations, sorted by invocation, their ids: their positions in the list. */
    private static List<Operation> renumber(List<Operation> sorted) {
        List<Operation> numbered = new ArrayList<>(sorted.size());
        for (Operation o : sorted) {
            numbered.add(o.withId(numbered.size()));
        }
        return List.copyOf(numbered);
    }

    private static MalformedHistoryException problem(int index, Op op, String what) {
        return new MalformedHistoryException(
                0, "history entry " + (index + 1) + ": process " + op.process() + " " + what);
    }
}
