package sdlab.check.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Internal anomalies: a committed transaction whose read contradicts what it already knows of
 * the key, from its own earlier reads and writes. Every isolation level above read uncommitted
 * lets a transaction see its own writes, and a read after a read (with no own write between)
 * must see the same state, since no other transaction's effect can appear half-way through.
 * Also caught, as a future read: a read that already holds a value the transaction writes only
 * later.
 */
final class InternalConsistency {
    /** How a future read's explanation starts: it is reported under its own name, as Elle does. */
    private static final String FUTURE = "already holds ";

    private final TxnText text;
    private final boolean registers;

    InternalConsistency(TxnText text, TxnModel model) {
        this.text = text;
        this.registers = model == TxnModel.RW_REGISTER;
    }

    /** The first internal anomaly of {@code t}, or null. Only ok transactions have known reads. */
    Anomaly check(Txn t) {
        if (!t.ok()) {
            return null;
        }
        List<KeyState> states = new ArrayList<>(2);
        for (int i = 0; i < t.ops().size(); i++) {
            MicroOp op = t.ops().get(i);
            KeyState state = state(states, op.key(), registers);
            String problem =
                    switch (op) {
                        case MicroOp.Append a -> state.append(a.value());
                        case MicroOp.Write w -> state.write(w.value());
                        case MicroOp.Read r -> state.read(r, t);
                    };
            if (problem != null) {
                String kind = problem.startsWith(FUTURE) ? "future-read" : "internal";
                return Anomaly.of(kind, text.txn(t.id()) + "\n  " + text.microOp(op) + " " + problem, t.id());
            }
        }
        return null;
    }

    private static KeyState state(List<KeyState> states, int key, boolean registers) {
        for (KeyState s : states) {
            if (s.key == key) {
                return s;
            }
        }
        KeyState s = new KeyState(key, registers);
        states.add(s);
        return s;
    }

    /** What a transaction knows of one key: the state it last read (if any) and what it wrote since. */
    private static final class KeyState {
        final int key;
        final boolean register;
        long[] lastRead; // null until the transaction reads the key
        long[] writtenSince = new long[0];

        KeyState(int key, boolean register) {
            this.key = key;
            this.register = register;
        }

        String append(long value) {
            writtenSince = Arrays.copyOf(writtenSince, writtenSince.length + 1);
            writtenSince[writtenSince.length - 1] = value;
            return null;
        }

        String write(long value) {
            writtenSince = new long[] {value};
            return null;
        }

        String read(MicroOp.Read r, Txn t) {
            long[] seen = r.observed();
            String problem = register && (lastRead != null || writtenSince.length > 0)
                    ? registerProblem(seen)
                    : listProblem(seen, t);
            lastRead = seen;
            writtenSince = new long[0];
            return problem;
        }

        /** For a register, only the last case applies: a first read that holds a later own write. */
        private String listProblem(long[] seen, Txn t) {
            if (lastRead != null) {
                long[] expected = concat(lastRead, writtenSince);
                return Arrays.equals(seen, expected)
                        ? null
                        : "contradicts the transaction's own earlier read and appends, which give "
                                + TxnText.list(expected);
            }
            if (writtenSince.length > 0) {
                boolean endsWithOwn = seen.length >= writtenSince.length
                        && Arrays.equals(
                                seen,
                                seen.length - writtenSince.length,
                                seen.length,
                                writtenSince,
                                0,
                                writtenSince.length);
                return endsWithOwn
                        ? null
                        : "does not end with the transaction's own appends " + TxnText.list(writtenSince);
            }
            long[] later = ExternalReads.writes(t, key);
            for (long v : seen) {
                for (long own : later) {
                    if (v == own) {
                        return FUTURE + v + ", which the transaction writes only later";
                    }
                }
            }
            return null;
        }

        private String registerProblem(long[] seen) {
            long[] expected = writtenSince.length > 0 ? writtenSince : lastRead;
            if (expected == null || Arrays.equals(seen, expected)) {
                return null;
            }
            String value = expected.length == 0 ? "nil" : Long.toString(expected[0]);
            return writtenSince.length > 0
                    ? "does not see the transaction's own write of " + value
                    : "differs from the transaction's own earlier read of " + value;
        }

        private static long[] concat(long[] a, long[] b) {
            long[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
