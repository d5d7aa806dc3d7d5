package sdlab.cache.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The representation: Redis's bytes for known elements, the encodings and their agreement. */
class HyperLogLogTest {
    private static final long SPARSE_MAX = 3000;

    @Test
    void threeElementsGiveRedisBytesAndEstimate() {
        // Captured from redis-server 7.0.15: PFADD h a b c, PFCOUNT h, GET h; DECODE showed
        // "Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603".
        HyperLogLog hll = HyperLogLog.empty();
        for (String element : new String[] {"a", "b", "c"}) {
            assertThat(hll.add(bytes(element), SPARSE_MAX)).isEqualTo(HyperLogLog.Update.CHANGED);
        }
        assertThat(hll.cachedCardinality()).isEmpty();
        hll.cacheCardinality(hll.estimate().orElseThrow());
        assertThat(HexFormat.of().formatHex(hll.toBytes()))
                .isEqualTo("48594c4c01000000030000000000000060f38050b1844bfb80425a");
        assertThat(hll.decodeSparse()).isEqualTo("Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603");
    }

    @Test
    void anEmptyHyperLogLogIsOneXzeroAndCountsZero() {
        // HYLL, sparse, cached 0, then XZERO:16384 (0x7f 0xff): 18 bytes.
        HyperLogLog hll = HyperLogLog.empty();
        assertThat(HexFormat.of().formatHex(hll.toBytes())).isEqualTo("48594c4c0100000000000000000000007fff");
        assertThat(hll.estimate()).hasValue(0);
        assertThat(hll.decodeSparse()).isEqualTo("Z:16384");
    }

    @Test
    void sparseAndDenseCopiesAgreeAndSparseTurnsDenseAtItsSizeLimit() {
        // The same elements into a sparse and a dense copy: same registers, same estimate, and the
        // sparse one turns dense once it would pass the byte limit.
        HyperLogLog sparse = HyperLogLog.empty();
        HyperLogLog dense = HyperLogLog.empty();
        dense.toDense();
        boolean promoted = false;
        for (int i = 0; i < 5000; i++) {
            byte[] element = bytes("element:" + i);
            sparse.add(element, SPARSE_MAX);
            dense.add(element, SPARSE_MAX);
            if (sparse.isSparse()) {
                assertThat(sparse.toBytes().length).isLessThanOrEqualTo((int) SPARSE_MAX);
                assertThat(sparse.estimate()).isEqualTo(dense.estimate());
            } else {
                promoted = true;
            }
        }
        assertThat(promoted).as("promoted to dense").isTrue();
        assertThat(sparse.toBytes()).hasSize(HyperLogLog.DENSE_LENGTH);
        assertThat(sparse.estimate()).isEqualTo(dense.estimate());
        for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
            assertThat(sparse.register(i)).isEqualTo(dense.register(i));
        }
    }

    @Test
    void sparseEditsKeepTheOpcodesCoveringEveryRegister() {
        // Random raises through every split and merge case; decoding must still add up to 16384.
        SplittableRandom random = new SplittableRandom(7);
        HyperLogLog hll = HyperLogLog.empty();
        byte[] expected = new byte[HyperLogLog.REGISTERS];
        for (int i = 0; i < 3000 && hll.isSparse(); i++) {
            int index = random.nextInt(64) * 256 + random.nextInt(4);
            int value = 1 + random.nextInt(32);
            hll.raise(index, value, 100_000);
            expected[index] = (byte) Math.max(expected[index], value);
        }
        byte[] merged = new byte[HyperLogLog.REGISTERS];
        assertThat(hll.mergeInto(merged)).isTrue();
        assertThat(merged).isEqualTo(expected);
    }

    @Test
    void corruptSparseOpcodesAreReportedNotTrusted() {
        // XZERO:100 alone covers 100 registers, not 16384: counting, merging and converting refuse it.
        byte[] value = HyperLogLog.empty().toBytes();
        value[16] = 0x40;
        value[17] = 99;
        HyperLogLog hll = HyperLogLog.parse(value);
        assertThat(hll).isNotNull();
        assertThat(hll.estimate()).isEmpty();
        assertThat(hll.mergeInto(new byte[HyperLogLog.REGISTERS])).isFalse();
        assertThat(hll.toDense()).isFalse();
        assertThat(hll.add(bytes("x"), SPARSE_MAX)).isIn(HyperLogLog.Update.CORRUPT, HyperLogLog.Update.CHANGED);
    }

    @Test
    void onlyTheMagicAKnownEncodingAndTheDenseLengthMakeAHyperLogLog() {
        // A string that is not HYLL, an unknown encoding or a dense value of the wrong length is not one.
        assertThat(HyperLogLog.parse(bytes("hello"))).isNull();
        assertThat(HyperLogLog.parse(bytes("HYLL\u0002\0\0\0\0\0\0\0\0\0\0\0"))).isNull();
        assertThat(HyperLogLog.parse(bytes("HYLL\0\0\0\0\0\0\0\0\0\0\0\0"))).isNull();
        assertThat(HyperLogLog.parse(bytes("HYLL\u0001\0\0\0\0\0\0\0\0\0\0\0"))).isNotNull();
    }

    @Test
    void theSelfTestPasses() {
        // PFSELFTEST's checks: register packing and the error bound at 1..10^7 elements.
        assertThat(SelfTest.run(new SplittableRandom(1), SPARSE_MAX)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
