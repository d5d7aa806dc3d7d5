package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;
import sdlab.check.history.MalformedHistoryException;

/**
 * Dependencies of an rw-register history: what can be inferred when a read returns only the
 * last value written.
 *
 * <p>Written values are unique per key, so a read names its writer exactly: <b>wr</b> edges are
 * complete. The order of versions is not visible in a read, and only two facts give it here:
 *
 * <ul>
 *   <li>the initial state (nil) precedes every written value (registers start as nil);
 *   <li>a committed transaction that read {@code v1} from a key and then wrote {@code v2} to it
 *       installed {@code v2} after {@code v1} (write follows read: an assumption, as in Elle,
 *       that holds wherever a write replaces the latest version; if versions came between, the
 *       edges below are implied by the chain through them, so no cycle is invented).
 * </ul>
 *
 * Each such pair gives a <b>ww</b> edge from the writer of {@code v1} to the writer of {@code v2}
 * and an <b>rw</b> edge from every other reader of {@code v1} to the writer of {@code v2}. Not
 * inferred: the order of blind writes (two writes neither of which follows a read of the
 * other), so cycles that need such ww or rw edges are missed. Elle has the same limit unless told
 * to assume that keys are linearizable or sequential, which would turn process or real-time order
 * into version order; this checker does not assume it. The initial state's rw edges go from each
 * nil reader to each writer of the key, which is quadratic in a key's length.
 */
final class RegisterInference implements DataDependencies {
    private static final int ABSENT = LongIntMap.ABSENT;
    /** The version nil stands for in lost-update bookkeeping (a value no workload writes). */
    private static final long NIL = Long.MIN_VALUE;

    private final TxnHistory history;
    private final TxnText text;
    private final LongIntMap[] writerOf;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final LostUpdates lostUpdates;

    RegisterInference(TxnHistory history, GraphBuilder graph, int kinds) {
        this.history = history;
        this.text = new TxnText(history);
        this.lostUpdates = new LostUpdates(text);
        this.writerOf = new LongIntMap[history.keyCount()];
        findWriters();
        ReadersByValue readers = new ReadersByValue(history.keyCount());
        for (Txn t : history.txns()) {
            if (t.ok()) {
                for (MicroOp.Read r : ExternalReads.of(t)) {
                    readers.add(r.key(), r.last(), t.id());
                    if (LostUpdates.writes(t, r.key())) {
                        lostUpdates.readThenWrote(t, r.key(), r.last() == null ? NIL : r.last(), anomalies);
                    }
                    readEdge(t, r, graph, kinds);
                }
            }
        }
        versionEdges(readers, graph, kinds);
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    private void findWriters() {
        for (int k = 0; k < writerOf.length; k++) {
            writerOf[k] = new LongIntMap();
        }
        for (Txn t : history.txns()) {
            for (MicroOp op : t.ops()) {
                if (op instanceof MicroOp.Write w) {
                    int other = writerOf[w.key()].putIfAbsent(w.value(), t.id());
                    if (other != ABSENT) {
                        throw new MalformedHistoryException(
                                0,
                                "written values must be unique per key for rw-register: T" + other + " and " + t.name()
                                        + " both write " + w.value() + " to key " + text.key(w.key()));
                    }
                }
            }
        }
    }

    /** The wr edge of one external read, with G1a and G1b. */
    private void readEdge(Txn reader, MicroOp.Read r, GraphBuilder graph, int kinds) {
        Long value = r.last();
        int writer = value == null ? ABSENT : writerOf[r.key()].get(value);
        if (writer == ABSENT || writer == reader.id()) {
            return;
        }
        Txn w = history.txns().get(writer);
        String read = text.txn(reader.id()) + "\n  read " + text.key(r.key()) + " = " + value;
        if (w.failed()) {
            anomalies.add(Anomaly.of(
                    "G1a",
                    read + ", written by a transaction that failed:\n  " + text.txn(writer),
                    reader.id(),
                    writer));
            return;
        }
        long[] own = ExternalReads.writes(w, r.key());
        if (own[own.length - 1] != value) {
            anomalies.add(Anomaly.of(
                    "G1b",
                    read + ", an intermediate value: its writer then wrote " + own[own.length - 1] + ":\n  "
                            + text.txn(writer),
                    reader.id(),
                    writer));
        }
        if ((kinds & Edges.WR) != 0) {
            graph.add(writer, reader.id(), Edges.WR);
        }
    }

    /** ww and rw edges from each known pair of consecutive versions. */
    private void versionEdges(ReadersByValue readers, GraphBuilder graph, int kinds) {
        for (Txn t : history.txns()) {
            if (t.failed()) {
                continue;
            }
            for (int key : writtenKeys(t)) {
                overwrite(key, null, t.id(), readers, graph, kinds); // every write follows the initial state
                Long before = readBefore(t, key); // null unless t is ok and read a value first
                if (before != null) {
                    overwrite(key, before, t.id(), readers, graph, kinds);
                }
            }
        }
    }

    /** {@code overwriter} installed a version after {@code value} (null: the initial state) of {@code key}. */
    private void overwrite(int key, Long value, int overwriter, ReadersByValue readers, GraphBuilder graph, int kinds) {
        if (value != null) {
            int writer = writerOf[key].get(value);
            if ((kinds & Edges.WW) != 0
                    && writer != ABSENT
                    && !history.txns().get(writer).failed()) {
                graph.add(writer, overwriter, Edges.WW);
            }
        }
        if ((kinds & Edges.RW) != 0) {
            for (int reader : readers.of(key, value)) {
                graph.add(reader, overwriter, Edges.RW);
            }
        }
    }

    /** The value {@code t} read from {@code key} before writing it (null for nil or no read). */
    private static Long readBefore(Txn t, int key) {
        for (MicroOp op : t.ops()) {
            if (op.key() == key) {
                return op instanceof MicroOp.Read r && r.known() ? r.last() : null;
            }
        }
        return null;
    }

    private static int[] writtenKeys(Txn t) {
        return t.ops().stream()
                .filter(op -> op instanceof MicroOp.Write)
                .mapToInt(MicroOp::key)
                .distinct()
                .toArray();
    }

    @Override
    public String why(int from, int to, int kind) {
        Txn a = history.txns().get(from);
        Txn b = history.txns().get(to);
        return switch (kind) {
            case Edges.WR -> whyWr(a, b);
            case Edges.WW -> whyWw(a, b);
            case Edges.RW -> whyRw(a, b);
            default -> throw new IllegalArgumentException("not a data edge: " + kind);
        };
    }

    private String whyWr(Txn a, Txn b) {
        for (MicroOp.Read r : ExternalReads.of(b)) {
            if (r.last() != null && writerOf[r.key()].get(r.last()) == a.id()) {
                return b.name() + " read " + text.key(r.key()) + " = " + r.last() + ", which " + a.name() + " wrote";
            }
        }
        throw new IllegalStateException("no wr reason from " + a.name() + " to " + b.name());
    }

    private String whyWw(Txn a, Txn b) {
        for (int key : writtenKeys(b)) {
            Long before = readBefore(b, key);
            if (before != null && writerOf[key].get(before) == a.id()) {
                long[] own = ExternalReads.writes(b, key);
                return b.name() + " read " + text.key(key) + " = " + before + " (" + a.name()
                        + "'s write) and then wrote " + own[own.length - 1];
            }
        }
        throw new IllegalStateException("no ww reason from " + a.name() + " to " + b.name());
    }

    private String whyRw(Txn a, Txn b) {
        for (MicroOp.Read r : ExternalReads.of(a)) {
            long[] own = ExternalReads.writes(b, r.key());
            if (own.length == 0) {
                continue;
            }
            Long before = readBefore(b, r.key());
            if (r.last() == null) {
                return a.name() + " read " + text.key(r.key()) + " = nil, the initial state, which " + b.name()
                        + "'s write of " + own[own.length - 1] + " follows";
            }
            if (r.last().equals(before)) {
                return a.name() + " read " + text.key(r.key()) + " = " + before + ", which " + b.name()
                        + " read and then overwrote with " + own[own.length - 1];
            }
        }
        throw new IllegalStateException("no rw reason from " + a.name() + " to " + b.name());
    }
}
