package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoreLogFileNameTest {

    /** Small generations (every restart), the padding's edges, and random ones up to the largest long. */
    static LongStream generations() {
        SplittableRandom random = new SplittableRandom(15);
        return LongStream.concat(
                LongStream.of(0, 1, 9, 10, 99_999, 100_000, 999_999, 1_000_000, Long.MAX_VALUE),
                LongStream.concat(
                        LongStream.generate(() -> random.nextLong(1_000)).limit(50),
                        LongStream.generate(() -> random.nextLong(Long.MAX_VALUE))
                                .limit(50)));
    }

    /** File names are on disks that earlier runs wrote, so the hand-padded name must be the formatted one. */
    @ParameterizedTest
    @MethodSource("generations")
    void fileNamesAreTheSixDigitZeroPaddedNamesOfBefore(long generation) {
        assertThat(StoreLog.fileOf(generation))
                .isEqualTo(StoreLog.FILE_PREFIX + String.format(Locale.ROOT, "%06d", generation));
    }
}
