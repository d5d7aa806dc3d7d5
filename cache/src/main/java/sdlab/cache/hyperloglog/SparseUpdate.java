package sdlab.cache.hyperloglog;

import static sdlab.cache.hyperloglog.SparseRegisters.isVal;
import static sdlab.cache.hyperloglog.SparseRegisters.isXzero;
import static sdlab.cache.hyperloglog.SparseRegisters.isZero;
import static sdlab.cache.hyperloglog.SparseRegisters.val;
import static sdlab.cache.hyperloglog.SparseRegisters.valLength;
import static sdlab.cache.hyperloglog.SparseRegisters.valValue;
import static sdlab.cache.hyperloglog.SparseRegisters.xzeroLength;
import static sdlab.cache.hyperloglog.SparseRegisters.zeroLength;

/**
 * Raises one register of a sparse HyperLogLog in place, edit for edit as Redis's
 * {@code hllSparseSet} does, because the bytes must come out identical to redis-server's: find
 * the opcode covering the register; if it must change, replace it by at most three opcodes
 * (before, the new VAL, after); then merge equal neighbouring VALs within a window of five
 * opcodes starting just before the edit. A canonical re-encoding would be simpler but would
 * not give the same bytes.
 */
final class SparseUpdate {
    /** The widest replacement: XZERO, VAL, XZERO. */
    private static final int REPLACEMENT_BYTES_MAX = 5;
    /** Opcodes examined for merging after an edit, as in Redis. */
    private static final int MERGE_SCAN_OPCODES = 5;

    private SparseUpdate() {}

    /** What the edit needs: the sparse encoding has no room for the value or the size limit is reached. */
    enum Result {
        UNCHANGED,
        CHANGED,
        CORRUPT,
        NEEDS_DENSE
    }

    static Result set(HyperLogLog hll, int index, int count, long sparseBytesMax) {
        if (count > SparseRegisters.VAL_VALUE_MAX) {
            return Result.NEEDS_DENSE;
        }
        hll.ensureCapacity(hll.length() + 3);
        byte[] bytes = hll.buffer();
        int end = hll.length();
        int at = HyperLogLog.HEADER_BYTES;
        int first = 0;
        int span = 0;
        int previous = -1;
        while (at < end) {
            int op = bytes[at] & 0xff;
            int opBytes = 1;
            if (isZero(op)) {
                span = zeroLength(op);
            } else if (isVal(op)) {
                span = valLength(op);
            } else {
                span = xzeroLength(bytes, at, end);
                opBytes = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            previous = at;
            at += opBytes;
            first += span;
        }
        if (span == 0 || at >= end) {
            return Result.CORRUPT;
        }
        int op = bytes[at] & 0xff;
        if (isVal(op)) {
            if (valValue(op) >= count) {
                return Result.UNCHANGED;
            }
            if (valLength(op) == 1) {
                bytes[at] = val(count, 1);
                mergeNeighbours(hll, previous);
                return Result.CHANGED;
            }
        } else if (isZero(op) && zeroLength(op) == 1) {
            bytes[at] = val(count, 1);
            mergeNeighbours(hll, previous);
            return Result.CHANGED;
        }
        byte[] replacement = new byte[REPLACEMENT_BYTES_MAX];
        int replacementBytes = split(op, index, first, first + span - 1, count, replacement);
        int oldBytes = isXzero(op) ? 2 : 1;
        int delta = replacementBytes - oldBytes;
        if (delta > 0 && hll.length() + delta > sparseBytesMax) {
            return Result.NEEDS_DENSE;
        }
        int next = at + oldBytes;
        if (delta != 0 && next < end) {
            System.arraycopy(bytes, next, bytes, next + delta, end - next);
        }
        System.arraycopy(replacement, 0, bytes, at, replacementBytes);
        hll.resize(end + delta);
        mergeNeighbours(hll, previous);
        return Result.CHANGED;
    }

    /**
     * Writes into {@code out} the opcodes that replace {@code op} (covering registers
     * {@code first..last}) once register {@code index} holds {@code count}; returns their length.
     */
    private static int split(int op, int index, int first, int last, int count, byte[] out) {
        int n = 0;
        if (isVal(op)) {
            int value = valValue(op);
            if (index != first) {
                out[n++] = val(value, index - first);
            }
            out[n++] = val(count, 1);
            if (index != last) {
                out[n++] = val(value, last - index);
            }
            return n;
        }
        if (index != first) {
            n = zeros(out, n, index - first);
        }
        out[n++] = val(count, 1);
        if (index != last) {
            n = zeros(out, n, last - index);
        }
        return n;
    }

    private static int zeros(byte[] out, int n, int length) {
        if (length > SparseRegisters.ZERO_LENGTH_MAX) {
            SparseRegisters.xzero(out, n, length);
            return n + 2;
        }
        out[n] = SparseRegisters.zero(length);
        return n + 1;
    }

    /** Joins adjacent VALs of equal value whose lengths fit one VAL, scanning a few opcodes from {@code previous}. */
    private static void mergeNeighbours(HyperLogLog hll, int previous) {
        byte[] bytes = hll.buffer();
        int end = hll.length();
        int at = previous >= 0 ? previous : HyperLogLog.HEADER_BYTES;
        int scans = MERGE_SCAN_OPCODES;
        while (at < end && scans-- > 0) {
            int op = bytes[at] & 0xff;
            if (isXzero(op)) {
                at += 2;
                continue;
            }
            if (isZero(op)) {
                at++;
                continue;
            }
            if (at + 1 < end && isVal(bytes[at + 1] & 0xff)) {
                int nextOp = bytes[at + 1] & 0xff;
                int length = valLength(op) + valLength(nextOp);
                if (valValue(op) == valValue(nextOp) && length <= SparseRegisters.VAL_LENGTH_MAX) {
                    bytes[at + 1] = val(valValue(op), length);
                    System.arraycopy(bytes, at + 1, bytes, at, end - at - 1);
                    end--;
                    hll.resize(end);
                    continue;
                }
            }
            at++;
        }
    }
}
