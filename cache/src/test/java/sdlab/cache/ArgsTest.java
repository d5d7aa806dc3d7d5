package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "0, true",
        "-1, true",
        "9223372036854775807, true",
        "-9223372036854775808, true",
        "9223372036854775808, false",
        "-9223372036854775809, false",
        "007, false",
        "-0, false",
        "+5, false",
        "' 5', false",
        "'5 ', false",
        "1e3, false",
        "'', false",
        "-, false",
    })
    void parsesIntegersExactlyAsRedisDoes(String text, boolean valid) {
        // Redis's string2ll: canonical decimal integers only, within the range of a long.
        long[] out = new long[1];
        assertThat(Args.tryParseLong(text.getBytes(), out)).isEqualTo(valid);
        if (valid) {
            assertThat(out[0]).isEqualTo(Long.parseLong(text));
        }
    }
}
