package sdlab.cache.hyperloglog;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One HyperLogLog in Redis's string representation, byte for byte, so that a value read with GET
 * from redis-server works here and the other way round.
 *
 * <pre>
 * +------+---+-------+------------------+---------------------------------+
 * | HYLL | E | 0 0 0 | cardinality (LE) | registers: dense or sparse       |
 * +------+---+-------+------------------+---------------------------------+
 *   4      1    3           8
 * </pre>
 *
 * E is 0 for dense ({@link DenseRegisters}: 16384 six-bit registers, 12288 bytes) and 1 for
 * sparse ({@link SparseRegisters}: run-length opcodes). The last 8 header bytes cache the latest
 * estimate; its top bit set means "stale, recompute". An element is hashed with MurmurHash64A
 * (seed {@code 0xadc83b19}); the low 14 bits pick a register, and the position of the first 1
 * bit in the remaining 50 (1 to 51) is the value that register keeps the maximum of.
 *
 * <p>A new HyperLogLog is sparse; it turns dense when a register needs a value above 32 or the
 * sparse string would grow beyond {@code hll-sparse-max-bytes}. Instances are mutable working
 * copies: callers copy a stored value in, edit, and store {@link #toBytes()}.
 */
public final class HyperLogLog {
    /** Registers: 2^14. */
    public static final int REGISTERS = 1 << 14;
    /** Hash bits left after the register index: the pattern length is at most this plus one. */
    static final int PATTERN_BITS = 64 - 14;

    static final int HEADER_BYTES = 16;
    /** The exact length of a dense HyperLogLog. */
    static final int DENSE_LENGTH = HEADER_BYTES + DenseRegisters.BYTES;

    private static final byte[] MAGIC = {'H', 'Y', 'L', 'L'};
    private static final int ENCODING_AT = 4;
    private static final int CARDINALITY_AT = 8;
    private static final byte DENSE = 0;
    private static final byte SPARSE = 1;
    private static final long HASH_SEED = 0xadc83b19L;

    private byte[] bytes;
    private int length;

    private HyperLogLog(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /** A new, empty HyperLogLog: sparse, one XZERO covering every register, cached cardinality 0. */
    public static HyperLogLog empty() {
        byte[] bytes = new byte[HEADER_BYTES + 2];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        bytes[ENCODING_AT] = SPARSE;
        SparseRegisters.xzero(bytes, HEADER_BYTES, REGISTERS);
        return new HyperLogLog(bytes, bytes.length);
    }

    /**
     * A working copy of {@code value}, or null if it is not a HyperLogLog as Redis checks it: the
     * magic, a known encoding, and the exact length for dense. Sparse opcodes are checked later,
     * by the operations that walk them.
     */
    public static HyperLogLog parse(byte[] value) {
        if (value.length < HEADER_BYTES || !Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte encoding = value[ENCODING_AT];
        if ((encoding != DENSE && encoding != SPARSE) || (encoding == DENSE && value.length != DENSE_LENGTH)) {
            return null;
        }
        return new HyperLogLog(value.clone(), value.length);
    }

    /** The representation, as GET shows it. */
    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    public boolean isSparse() {
        return bytes[ENCODING_AT] == SPARSE;
    }

    /** Adds {@code element}; CHANGED if a register grew (the estimate may have changed). */
    public Update add(byte[] element, long sparseBytesMax) {
        long hash = MurmurHash64A.hash(element, HASH_SEED);
        int index = (int) (hash & (REGISTERS - 1));
        long pattern = (hash >>> 14) | (1L << PATTERN_BITS);
        return raise(index, Long.numberOfTrailingZeros(pattern) + 1, sparseBytesMax);
    }

    /** Sets register {@code index} to {@code value} if that raises it, turning dense when sparse cannot hold it. */
    public Update raise(int index, int value, long sparseBytesMax) {
        if (!isSparse()) {
            return raiseDense(index, value);
        }
        return switch (SparseUpdate.set(this, index, value, sparseBytesMax)) {
            case UNCHANGED -> Update.UNCHANGED;
            case CHANGED -> {
                invalidateCache();
                yield Update.CHANGED;
            }
            case CORRUPT -> Update.CORRUPT;
            case NEEDS_DENSE -> {
                if (!toDense()) {
                    yield Update.CORRUPT;
                }
                Update update = raiseDense(index, value);
                assert update == Update.CHANGED : "promoted to dense without a change";
                yield update;
            }
        };
    }

    private Update raiseDense(int index, int value) {
        if (DenseRegisters.get(bytes, HEADER_BYTES, index) >= value) {
            return Update.UNCHANGED;
        }
        DenseRegisters.set(bytes, HEADER_BYTES, index, value);
        return Update.CHANGED;
    }

    /** The cached estimate, if still valid. */
    public OptionalLong cachedCardinality() {
        if ((bytes[CARDINALITY_AT + 7] & 0x80) != 0) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[CARDINALITY_AT + i] & 0xffL);
        }
        return OptionalLong.of(value);
    }

    public void cacheCardinality(long cardinality) {
        for (int i = 0; i < 8; i++) {
            bytes[CARDINALITY_AT + i] = (byte) (cardinality >>> (8 * i));
        }
    }

    /** Marks the cached estimate stale, keeping its other bits, as Redis does. */
    public void invalidateCache() {
        bytes[CARDINALITY_AT + 7] |= (byte) 0x80;
    }

    /** The estimated number of distinct elements added, or empty if the sparse opcodes are corrupt. */
    public OptionalLong estimate() {
        int[] counts = new int[64];
        if (!isSparse()) {
            for (int i = 0; i < REGISTERS; i++) {
                counts[DenseRegisters.get(bytes, HEADER_BYTES, i)]++;
            }
        } else if (!sparseHistogram(counts)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(CardinalityEstimator.estimate(counts));
    }

    /** Counts sparse registers by value; false unless the runs cover exactly every register. */
    private boolean sparseHistogram(int[] counts) {
        int covered = 0;
        for (int at = HEADER_BYTES; at < length; ) {
            int op = bytes[at] & 0xff;
            int run;
            if (SparseRegisters.isZero(op)) {
                run = SparseRegisters.zeroLength(op);
                counts[0] += run;
                at++;
            } else if (SparseRegisters.isXzero(op)) {
                run = SparseRegisters.xzeroLength(bytes, at, length);
                counts[0] += run;
                at += 2;
            } else {
                run = SparseRegisters.valLength(op);
                counts[SparseRegisters.valValue(op)] += run;
                at++;
            }
            covered += run;
        }
        return covered == REGISTERS;
    }

    /** The estimate for registers given one byte each (PFCOUNT of several keys). */
    public static long estimate(byte[] registers) {
        assert registers.length == REGISTERS : "one byte per register";
        int[] counts = new int[64];
        for (byte register : registers) {
            counts[register]++;
        }
        return CardinalityEstimator.estimate(counts);
    }

    /** Raises each of {@code max}'s registers (one byte each) to this one's; false if the sparse opcodes are corrupt. */
    public boolean mergeInto(byte[] max) {
        if (!isSparse()) {
            for (int i = 0; i < REGISTERS; i++) {
                max[i] = (byte) Math.max(max[i], DenseRegisters.get(bytes, HEADER_BYTES, i));
            }
            return true;
        }
        int covered = SparseRegisters.forEachRun(bytes, HEADER_BYTES, length, (first, run, value) -> {
            for (int i = first; i < first + run; i++) {
                max[i] = (byte) Math.max(max[i], value);
            }
        });
        return covered == REGISTERS;
    }

    /** Converts to dense (nothing to do if dense already); false, leaving this unchanged, if corrupt. */
    public boolean toDense() {
        if (!isSparse()) {
            return true;
        }
        byte[] dense = new byte[DENSE_LENGTH];
        System.arraycopy(bytes, 0, dense, 0, HEADER_BYTES);
        dense[ENCODING_AT] = DENSE;
        int covered = SparseRegisters.forEachRun(bytes, HEADER_BYTES, length, (first, run, value) -> {
            for (int i = first; i < first + run; i++) {
                DenseRegisters.set(dense, HEADER_BYTES, i, value);
            }
        });
        if (covered != REGISTERS) {
            return false;
        }
        bytes = dense;
        length = dense.length;
        return true;
    }

    /** Register {@code index} of a dense HyperLogLog. */
    public int register(int index) {
        assert !isSparse() : "registers are read from the dense encoding";
        return DenseRegisters.get(bytes, HEADER_BYTES, index);
    }

    /** The sparse opcodes as PFDEBUG DECODE shows them. */
    public String decodeSparse() {
        assert isSparse() : "only the sparse encoding has opcodes";
        return SparseRegisters.decode(bytes, HEADER_BYTES, length);
    }

    byte[] buffer() {
        return bytes;
    }

    int length() {
        return length;
    }

    void ensureCapacity(int capacity) {
        if (bytes.length < capacity) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    /** Sets the length within the buffer; bytes past it read as zero, like the end of a Redis string. */
    void resize(int newLength) {
        assert newLength <= bytes.length : "resize beyond the buffer";
        if (newLength < length) {
            Arrays.fill(bytes, newLength, length, (byte) 0);
        }
        length = newLength;
    }

    /** What an update did. */
    public enum Update {
        UNCHANGED,
        CHANGED,
        /** The sparse opcodes do not describe 16384 registers: the value is not a sound HyperLogLog. */
        CORRUPT
    }
}
