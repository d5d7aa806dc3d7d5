package sdlab.check.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction's external reads: per key, the first read that comes before the transaction's
 * own first write to that key. Only these say what the transaction saw of others; later reads
 * must agree with them and with its own writes ({@link InternalConsistency}).
 */
final class ExternalReads {
    private ExternalReads() {}

    static List<MicroOp.Read> of(Txn t) {
        List<MicroOp.Read> reads = new ArrayList<>(2);
        int[] touched = new int[t.ops().size()];
        int touchedSize = 0;
        for (MicroOp op : t.ops()) {
            if (contains(touched, touchedSize, op.key())) {
                continue;
            }
            touched[touchedSize++] = op.key();
            if (op instanceof MicroOp.Read r && r.known()) {
                reads.add(r);
            }
        }
        return reads;
    }

    /** The values a transaction wrote to {@code key}, in order (appends or register writes). */
    static long[] writes(Txn t, int key) {
        long[] values = new long[t.ops().size()];
        int size = 0;
        for (MicroOp op : t.ops()) {
            if (op.key() != key) {
                continue;
            }
            switch (op) {
                case MicroOp.Append a -> values[size++] = a.value();
                case MicroOp.Write w -> values[size++] = w.value();
                case MicroOp.Read r -> {}
            }
        }
        return Arrays.copyOf(values, size);
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
