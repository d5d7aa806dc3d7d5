package sdlab.check.causal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.RegisterOps;
import sdlab.check.history.Status;
import sdlab.core.history.History;

/**
 * Checks causal consistency of a key-value (or register) history: every read must return a
 * value that no write in its causal past had overwritten.
 *
 * <p><b>Happens-before</b> is the transitive closure of two relations (Lamport 1978; Ahamad et
 * al., "Causal memory", 1995): <i>process order</i> — an operation happens before the later
 * operations of its process, except that an operation with unknown outcome happens before
 * nothing, since it may take effect after its process moved on — and <i>reads-from</i> — a
 * write happens before every read that returned its value. A read of key k that returned the
 * value of write w violates causality if some write w' of k happens before the read while w
 * happens before w' (w was overwritten in the read's causal past), or if the read returned the
 * initial nil although a write of k happens before it. A read on a happens-before cycle read
 * from its own future; a read of a value nobody wrote is reported too.
 *
 * <p>Writes are {@code write}/{@code put} with unique values per key; reads are ok {@code
 * read}/{@code get}. A value written by several writes gives no reads-from edge and its reads
 * are not judged (never a guess). Real time plays no part: causal consistency allows a read to
 * miss a write that completed long before, as long as the write is not in its causal past. Cost:
 * O(operations × writes / 64) memory and time.
 */
public final class CausalConsistency {
    /** How many violations a report keeps as examples. */
    public static final int EXAMPLES_MAX = 5;

    private CausalConsistency() {}

    /** Checks {@code history}. */
    public static CausalReport check(History history) {
        return check(Operations.of(history));
    }

    /** Checks already paired operations (as {@link Operations#of} returns them). */
    public static CausalReport check(List<Operation> ops) {
        Graph graph = new Graph(ops);
        List<CausalViolation> found = new ArrayList<>();
        int reads = 0;
        for (int node = 0; node < graph.nodes.size(); node++) {
            Operation op = graph.nodes.get(node);
            if (RegisterOps.isOkRead(op)) {
                reads++;
                CausalViolation v = graph.judge(node);
                if (v != null) {
                    found.add(v);
                }
            }
        }
        Verdict verdict = found.isEmpty() ? Verdict.VALID : Verdict.INVALID;
        return new CausalReport(verdict, reads, found.size(), found.subList(0, Math.min(EXAMPLES_MAX, found.size())));
    }

    /** The reads and possible writes of a history, their happens-before graph, and the judgement of each read. */
    private static final class Graph {
        private record KeyValue(String key, Object value) {}

        final List<Operation> nodes = new ArrayList<>();
        private final Map<KeyValue, List<Integer>> writers = new HashMap<>();
        private final Map<String, List<Integer>> writesByKey = new HashMap<>();
        private final int[] writeIndex;
        private final HappensBefore hb;

        Graph(List<Operation> ops) {
            for (Operation op : ops) {
                if (RegisterOps.isOkRead(op) || RegisterOps.isPossibleWrite(op)) {
                    nodes.add(op);
                }
            }
            writeIndex = new int[nodes.size()];
            int writes = 0;
            for (int node = 0; node < nodes.size(); node++) {
                Operation op = nodes.get(node);
                boolean write = RegisterOps.isPossibleWrite(op);
                writeIndex[node] = write ? writes++ : -1;
                if (write) {
                    writers.computeIfAbsent(new KeyValue(op.key(), op.input()), kv -> new ArrayList<>())
                            .add(node);
                    writesByKey
                            .computeIfAbsent(op.key(), k -> new ArrayList<>())
                            .add(node);
                }
            }
            hb = new HappensBefore(nodes.size(), writeIndex);
            addProcessOrder();
            addReadsFrom();
            hb.close();
        }

        private void addProcessOrder() {
            Map<Integer, Integer> lastOkByProcess = new HashMap<>();
            for (int node = 0; node < nodes.size(); node++) {
                Operation op = nodes.get(node);
                Integer last = lastOkByProcess.get(op.process());
                if (last != null) {
                    hb.edge(last, node);
                }
                if (op.status() == Status.OK) {
                    lastOkByProcess.put(op.process(), node);
                }
            }
        }

        private void addReadsFrom() {
            for (int node = 0; node < nodes.size(); node++) {
                Operation op = nodes.get(node);
                List<Integer> from = RegisterOps.isOkRead(op) ? writers.get(new KeyValue(op.key(), op.output())) : null;
                if (from != null && from.size() == 1) {
                    hb.edge(from.get(0), node);
                }
            }
        }

        /** The violation {@code read} shows, or null. */
        CausalViolation judge(int read) {
            Operation op = nodes.get(read);
            List<Integer> from = writers.get(new KeyValue(op.key(), op.output()));
            if (from == null && op.output() != null) {
                return violation(CausalViolation.Kind.VALUE_NEVER_WRITTEN, op, null);
            }
            if (!hb.ordered(read)) {
                return hb.onCycle(read) ? violation(CausalViolation.Kind.CAUSAL_CYCLE, op, null) : null;
            }
            if (from != null && from.size() > 1) {
                return null; // ambiguous writer: no judgement
            }
            int writer = from == null ? -1 : from.get(0);
            BitSet past = hb.pastWrites(read);
            for (int other : writesByKey.getOrDefault(op.key(), List.of())) {
                boolean overwrites = writer < 0 || hb.pastWrites(other).get(writeIndex[writer]);
                if (other != writer && past.get(writeIndex[other]) && overwrites) {
                    return violation(CausalViolation.Kind.OVERWRITTEN_IN_CAUSAL_PAST, op, nodes.get(other));
                }
            }
            return null;
        }

        private static CausalViolation violation(CausalViolation.Kind kind, Operation read, Operation cause) {
            return new CausalViolation(
                    kind,
                    read.id(),
                    read.process(),
                    RegisterOps.keyName(read.key()),
                    read.output(),
                    cause == null ? -1 : cause.id(),
                    cause == null ? null : cause.input());
        }
    }
}
