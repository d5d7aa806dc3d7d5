package sdlab.check.txn;

import java.util.Arrays;

/**
 * The reasons behind a list-append history's data edges, in words, worked out again from the
 * version orders when a cycle is explained (keeping a reason per edge would cost memory on every
 * edge of a long history, and only the few edges of reported cycles are ever explained).
 */
final class ListAppendReasons {
    private static final int ABSENT = LongIntMap.ABSENT;
    /** Elements a list shows in an explanation; longer lists show their end. */
    private static final int ELEMENTS_SHOWN_MAX = 6;

    private final TxnHistory history;
    private final TxnText text;
    private final LongIntMap[] writerOf;
    private final long[][] order;
    private final LongIntMap[] position;

    ListAppendReasons(TxnHistory history, LongIntMap[] writerOf, long[][] order, LongIntMap[] position) {
        this.history = history;
        this.text = new TxnText(history);
        this.writerOf = writerOf;
        this.order = order;
        this.position = position;
    }

    /** Why there is an edge of {@code kind} (ww, wr or rw) from {@code from} to {@code to}. */
    String why(int from, int to, int kind) {
        Txn a = history.txns().get(from);
        Txn b = history.txns().get(to);
        return switch (kind) {
            case Edges.WW -> whyWw(a, b);
            case Edges.WR -> whyWr(a, b);
            case Edges.RW -> whyRw(a, b);
            default -> throw new IllegalArgumentException("not a data edge: " + kind);
        };
    }

    private String whyWw(Txn a, Txn b) {
        for (MicroOp op : b.ops()) {
            if (op instanceof MicroOp.Append append && order[append.key()] != null) {
                int at = position[append.key()].get(append.value());
                if (at > 0 && writerOf[append.key()].get(order[append.key()][at - 1]) == a.id()) {
                    return b.name() + " appended " + append.value() + " to " + text.key(append.key()) + " right after "
                            + a.name() + "'s " + order[append.key()][at - 1];
                }
            }
        }
        for (MicroOp op : b.ops()) {
            if (op instanceof MicroOp.Append append && order[append.key()] != null) {
                long[] versions = order[append.key()];
                if (versions.length > 0
                        && position[append.key()].get(append.value()) == ABSENT
                        && writerOf[append.key()].get(versions[versions.length - 1]) == a.id()) {
                    return b.name() + " appended " + append.value() + " to " + text.key(append.key())
                            + ", which no read shows, so after the last version read, ending in " + a.name() + "'s "
                            + versions[versions.length - 1];
                }
            }
        }
        throw new IllegalStateException("no ww reason from " + a.name() + " to " + b.name());
    }

    private String whyWr(Txn a, Txn b) {
        for (MicroOp.Read r : ExternalReads.of(b)) {
            Long last = r.last();
            if (last != null && order[r.key()] != null && writerOf[r.key()].get(last) == a.id()) {
                return b.name() + " read " + text.key(r.key()) + " = " + shown(r.observed()) + ", whose last element "
                        + last + " " + a.name() + " appended";
            }
        }
        throw new IllegalStateException("no wr reason from " + a.name() + " to " + b.name());
    }

    private String whyRw(Txn a, Txn b) {
        for (MicroOp.Read r : ExternalReads.of(a)) {
            long[] versions = order[r.key()];
            if (versions != null && r.observed().length < versions.length) {
                long next = versions[r.observed().length];
                if (writerOf[r.key()].get(next) == b.id()) {
                    return a.name() + " read " + text.key(r.key()) + " = " + shown(r.observed()) + ", which misses "
                            + b.name() + "'s append of " + next + ", the next version";
                }
            }
        }
        for (MicroOp.Read r : ExternalReads.of(a)) {
            long[] versions = order[r.key()];
            if (versions != null && r.observed().length == versions.length) {
                for (MicroOp op : b.ops()) {
                    if (op instanceof MicroOp.Append append
                            && append.key() == r.key()
                            && position[r.key()].get(append.value()) == ABSENT) {
                        return a.name() + " read " + text.key(r.key()) + " = " + shown(r.observed())
                                + ", the last version read, which misses " + b.name() + "'s committed append of "
                                + append.value() + " (no read shows it, so it came later)";
                    }
                }
            }
        }
        throw new IllegalStateException("no rw reason from " + a.name() + " to " + b.name());
    }

    /** A list as text, shortened to its end when long. */
    static String shown(long[] list) {
        if (list.length <= ELEMENTS_SHOWN_MAX) {
            return TxnText.list(list);
        }
        long[] end = Arrays.copyOfRange(list, list.length - ELEMENTS_SHOWN_MAX, list.length);
        return "[... " + TxnText.list(end).substring(1);
    }
}
