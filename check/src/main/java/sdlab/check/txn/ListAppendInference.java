package sdlab.check.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sdlab.check.history.MalformedHistoryException;

/**
 * Dependencies of a list-append history, the case where they can be inferred best.
 *
 * <p>Every append writes a value no other append writes, so each element of a list read names its
 * writer, and a list read shows the order in which its elements were appended. Each key's
 * <em>version order</em> is therefore its longest read, provided every other read of the key is
 * a prefix of it (otherwise the key's versions do not form one order: an incompatible-order
 * anomaly, and the key gives no edges). Then, for a key:
 *
 * <ul>
 *   <li>ww: the writer of each element precedes the writer of the next one;
 *   <li>wr: the writer of a read's last element precedes the reader;
 *   <li>rw: a reader precedes the writer of the first element its read misses.
 * </ul>
 *
 * Only external reads count (a transaction's reads before its own appends to the key). A
 * committed append that no read shows comes after the longest read's last element, in an
 * unknown order among its kind: it gets a ww edge from that element's writer and rw edges from
 * the readers of the longest read, which hold whatever that order is. Appends of unknown
 * outcome that no read shows may never have happened and give no edges; reads of elements that
 * no transaction appended are ignored. A read of an element whose append failed is G1a; a read
 * ending on an element after which its writer appended more to the key is G1b (an intermediate
 * state); an aborted element followed by a committed one in the order is a dirty update; two
 * transactions that read the same version and both append to the key are a lost update.
 */
final class ListAppendInference implements DataDependencies {
    private static final int ABSENT = LongIntMap.ABSENT;

    private final TxnHistory history;
    private final TxnText text;
    private final LongIntMap[] writerOf;
    private final long[][] order;
    private final LongIntMap[] position;
    /** Per key: the committed transactions whose appends no read shows (they come after every read version). */
    private final int[][] unobserved;

    private final List<Anomaly> anomalies = new ArrayList<>();
    private final LostUpdates lostUpdates;
    private final ListAppendReasons reasons;

    /** Infers the dependencies of {@code history} and adds those of {@code kinds} to {@code graph}. */
    ListAppendInference(TxnHistory history, GraphBuilder graph, int kinds) {
        this.history = history;
        this.text = new TxnText(history);
        this.lostUpdates = new LostUpdates(text);
        int keys = history.keyCount();
        this.writerOf = new LongIntMap[keys];
        this.order = new long[keys][];
        this.position = new LongIntMap[keys];
        this.unobserved = new int[keys][];
        findWriters();
        findVersionOrders();
        findUnobserved();
        this.reasons = new ListAppendReasons(history, writerOf, order, position);
        addWriteEdges(graph, kinds);
        for (Txn t : history.txns()) {
            if (t.ok()) {
                addReadEdges(t, graph, kinds);
            }
        }
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
                if (op instanceof MicroOp.Append a) {
                    int other = writerOf[a.key()].putIfAbsent(a.value(), t.id());
                    if (other != ABSENT) {
                        throw new MalformedHistoryException(
                                0,
                                "appended values must be unique per key, as Jepsen's list-append workload makes them: "
                                        + "T" + other + " and " + t.name() + " both append " + a.value() + " to key "
                                        + text.key(a.key()));
                    }
                }
            }
        }
    }

    /** Each key's longest read, if all its reads are prefixes of it. */
    private void findVersionOrders() {
        int[] longestReader = new int[order.length];
        for (Txn t : history.txns()) {
            for (MicroOp op : t.ops()) {
                if (op instanceof MicroOp.Read r && r.known()) {
                    long[] current = order[r.key()];
                    if (current == null || r.observed().length > current.length) {
                        order[r.key()] = r.observed();
                        longestReader[r.key()] = t.id();
                    }
                }
            }
        }
        boolean[] usable = new boolean[order.length];
        for (int k = 0; k < order.length; k++) {
            usable[k] = order[k] != null && positions(k, longestReader[k]);
        }
        for (Txn t : history.txns()) {
            for (MicroOp op : t.ops()) {
                if (op instanceof MicroOp.Read r
                        && r.known()
                        && usable[r.key()]
                        && !isPrefix(r.observed(), order[r.key()])) {
                    usable[r.key()] = false;
                    anomalies.add(Anomaly.of(
                            "incompatible-order",
                            "key " + text.key(r.key()) + " has two reads that are not prefixes of one another, so its"
                                    + " versions do not form one order:\n  " + text.txn(t.id()) + "\n  "
                                    + text.txn(longestReader[r.key()]),
                            t.id(),
                            longestReader[r.key()]));
                }
            }
        }
        for (int k = 0; k < order.length; k++) {
            if (!usable[k]) {
                order[k] = null;
                position[k] = null;
            }
        }
    }

    /** Numbers key {@code k}'s versions; false (and a duplicate-elements anomaly) if a value repeats. */
    private boolean positions(int k, int reader) {
        LongIntMap places = new LongIntMap();
        for (int i = 0; i < order[k].length; i++) {
            if (places.putIfAbsent(order[k][i], i) != ABSENT) {
                anomalies.add(Anomaly.of(
                        "duplicate-elements",
                        text.txn(reader) + "\n  read key " + text.key(k) + " with " + order[k][i]
                                + " twice, though it was appended once",
                        reader));
                return false;
            }
        }
        position[k] = places;
        return true;
    }

    private static boolean isPrefix(long[] prefix, long[] of) {
        return prefix.length <= of.length && Arrays.equals(prefix, 0, prefix.length, of, 0, prefix.length);
    }

    /** True if {@code txn} was the last added: a transaction's appends to a key are met together. */
    private static boolean endsWith(List<Integer> txns, int txn) {
        return !txns.isEmpty() && txns.getLast() == txn;
    }

    /** ww edges along each version order, and dirty updates (a committed append after an aborted one). */
    private void addWriteEdges(GraphBuilder graph, int kinds) {
        for (int k = 0; k < order.length; k++) {
            long[] versions = order[k];
            int lastWriter =
                    versions == null || versions.length == 0 ? ABSENT : writerOf[k].get(versions[versions.length - 1]);
            if ((kinds & Edges.WW) != 0 && lastWriter != ABSENT && !failed(lastWriter)) {
                for (int later : unobserved[k]) {
                    graph.add(lastWriter, later, Edges.WW);
                }
            }
            boolean dirtyReported = false;
            for (int i = 1; versions != null && i < versions.length; i++) {
                int before = writerOf[k].get(versions[i - 1]);
                int after = writerOf[k].get(versions[i]);
                if (before == ABSENT || after == ABSENT || before == after) {
                    continue;
                }
                if (failed(before) && !failed(after) && !dirtyReported) {
                    dirtyReported = true;
                    anomalies.add(Anomaly.of(
                            "dirty-update",
                            "key " + text.key(k) + ": " + versions[i] + " was appended after " + versions[i - 1]
                                    + ", whose append failed:\n  " + text.txn(before) + "\n  " + text.txn(after),
                            before,
                            after));
                }
                if ((kinds & Edges.WW) != 0 && !failed(before) && !failed(after)) {
                    graph.add(before, after, Edges.WW);
                }
            }
        }
    }

    private void addReadEdges(Txn reader, GraphBuilder graph, int kinds) {
        reportAbortedReads(reader);
        for (MicroOp.Read r : ExternalReads.of(reader)) {
            long[] versions = order[r.key()];
            if (versions == null) {
                continue;
            }
            long[] seen = r.observed();
            if (LostUpdates.writes(reader, r.key())) {
                lostUpdates.readThenWrote(reader, r.key(), seen.length, anomalies);
            }
            if (seen.length > 0) {
                int writer = writerOf[r.key()].get(seen[seen.length - 1]);
                if (writer != ABSENT && writer != reader.id() && !failed(writer)) {
                    if ((kinds & Edges.WR) != 0) {
                        graph.add(writer, reader.id(), Edges.WR);
                    }
                    reportIntermediateRead(reader, r, writer);
                }
            }
            if (seen.length < versions.length) {
                int overwriter = writerOf[r.key()].get(versions[seen.length]);
                if ((kinds & Edges.RW) != 0 && overwriter != ABSENT && !failed(overwriter)) {
                    graph.add(reader.id(), overwriter, Edges.RW);
                }
            } else if ((kinds & Edges.RW) != 0) {
                for (int later : unobserved[r.key()]) {
                    graph.add(reader.id(), later, Edges.RW);
                }
            }
        }
    }

    /**
     * Committed appends that no read shows still took effect (Adya: every committed write is in
     * its key's version order), after the longest read's last element, since every read is a
     * prefix of it. Their order among themselves is unknown, so each gets the edges that hold
     * whatever it is: ww from the last read version's writer, rw from its readers. That is readers
     * times unseen appends per key: quadratic only for a key whose appends stay unseen while it is
     * read many times, which a working store does not produce.
     */
    private void findUnobserved() {
        List<List<Integer>> byKey = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            byKey.add(new ArrayList<>(0));
        }
        for (Txn t : history.txns()) {
            if (!t.ok()) {
                continue;
            }
            for (MicroOp op : t.ops()) {
                if (op instanceof MicroOp.Append a
                        && order[a.key()] != null
                        && position[a.key()].get(a.value()) == ABSENT
                        && !endsWith(byKey.get(a.key()), t.id())) {
                    byKey.get(a.key()).add(t.id());
                }
            }
        }
        for (int k = 0; k < order.length; k++) {
            unobserved[k] = byKey.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** G1a: a read shows an element whose append failed. One report per reader. */
    private void reportAbortedReads(Txn reader) {
        for (MicroOp op : reader.ops()) {
            if (!(op instanceof MicroOp.Read r) || !r.known()) {
                continue;
            }
            for (long v : r.observed()) {
                int writer = writerOf[r.key()].get(v);
                if (writer != ABSENT && failed(writer)) {
                    anomalies.add(Anomaly.of(
                            "G1a",
                            text.txn(reader.id()) + "\n  read " + v + " in key " + text.key(r.key())
                                    + ", which was appended by a transaction that failed:\n  " + text.txn(writer),
                            reader.id(),
                            writer));
                    return;
                }
            }
        }
    }

    /** G1b: the read ends on an element its writer appended more after. */
    private void reportIntermediateRead(Txn reader, MicroOp.Read r, int writer) {
        long[] own = ExternalReads.writes(history.txns().get(writer), r.key());
        long last = r.observed()[r.observed().length - 1];
        if (own.length > 0 && own[own.length - 1] != last) {
            anomalies.add(Anomaly.of(
                    "G1b",
                    text.txn(reader.id()) + "\n  read key " + text.key(r.key()) + " = "
                            + ListAppendReasons.shown(r.observed())
                            + ", an intermediate state: its writer appended " + own[own.length - 1] + " after "
                            + last + ":\n  " + text.txn(writer),
                    reader.id(),
                    writer));
        }
    }

    private boolean failed(int txn) {
        return history.txns().get(txn).failed();
    }

    @Override
    public String why(int from, int to, int kind) {
        return reasons.why(from, to, kind);
    }
}
