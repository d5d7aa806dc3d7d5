package sdlab.cache.hyperloglog;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * PFSELFTEST, as Redis runs it: first that every dense register keeps what is written to it
 * without disturbing its neighbours, then that the estimate stays within six standard errors
 * at cardinalities 1, 10, ..., 10^7, with a sparse and a dense copy agreeing all the way.
 */
public final class SelfTest {
    private static final int REGISTER_ROUNDS = 1000;
    private static final int ELEMENTS = 10_000_000;
    private static final double STANDARD_ERROR = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
    private static final double TOLERATED_ERRORS = 6;

    private SelfTest() {}

    /** Empty if every check passed, otherwise the failure, worded as Redis words it. */
    public static Optional<String> run(RandomGenerator random, long sparseBytesMax) {
        Optional<String> registers = registersKeepTheirValues(random);
        return registers.isPresent() ? registers : estimatesStayWithinBounds(random, sparseBytesMax);
    }

    private static Optional<String> registersKeepTheirValues(RandomGenerator random) {
        byte[] dense = new byte[HyperLogLog.DENSE_LENGTH];
        int[] expected = new int[HyperLogLog.REGISTERS];
        for (int round = 0; round < REGISTER_ROUNDS; round++) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] = random.nextInt(DenseRegisters.VALUE_MAX + 1);
                DenseRegisters.set(dense, HyperLogLog.HEADER_BYTES, i, expected[i]);
            }
            for (int i = 0; i < expected.length; i++) {
                int actual = DenseRegisters.get(dense, HyperLogLog.HEADER_BYTES, i);
                if (actual != expected[i]) {
                    return Optional.of("TESTFAILED Register " + i + " should be " + expected[i] + " but is " + actual);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> estimatesStayWithinBounds(RandomGenerator random, long sparseBytesMax) {
        HyperLogLog dense = HyperLogLog.empty();
        dense.toDense();
        HyperLogLog sparse = HyperLogLog.empty();
        long seed = random.nextLong();
        byte[] element = new byte[8];
        long checkpoint = 1;
        for (long j = 1; j <= ELEMENTS; j++) {
            long value = j ^ seed;
            for (int i = 0; i < 8; i++) {
                element[i] = (byte) (value >>> (8 * i));
            }
            dense.add(element, sparseBytesMax);
            sparse.add(element, sparseBytesMax);
            if (j != checkpoint) {
                continue;
            }
            if (j < sparseBytesMax / 2 && !sparse.isSparse()) {
                return Optional.of("TESTFAILED sparse encoding not used");
            }
            long estimate = dense.estimate().orElseThrow();
            if (estimate != sparse.estimate().orElseThrow()) {
                return Optional.of("TESTFAILED dense/sparse disagree");
            }
            long errorMax = j == 10 ? 1 : (long) Math.ceil(STANDARD_ERROR * TOLERATED_ERRORS * checkpoint);
            long error = Math.abs(checkpoint - estimate);
            if (error > errorMax) {
                return Optional.of("TESTFAILED Too big error. card:" + checkpoint + " abserr:" + error);
            }
            checkpoint *= 10;
        }
        return Optional.empty();
    }
}
