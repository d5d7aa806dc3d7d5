package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LongDoubleTest {
    /** Sums and the text redis-server 7.0 on x86-64 answers for them (checked against a real server). */
    static Stream<Arguments> sums() {
        return Stream.of(
                Arguments.of("10.5", "0.1", "10.6"),
                Arguments.of("0.1", "0.2", "0.3"),
                Arguments.of("5.0e3", "2.0e2", "5200"),
                Arguments.of("0.3", "1e20", "100000000000000000000"),
                Arguments.of("0", "1.5e-10", "0.00000000015"),
                Arguments.of(
                        "1.7e308",
                        "1.7e308",
                        "3400000000000000000062735560503951935905404277793882674660871715264049121024116419881237391778006006739"
                                + "5704768377126342532280699783600158696145727482003339309490131720001362480261087251524581412476054292"
                                + "5564488876540887382670905522638137419003805178364056052028734561012664811529831035124023358619554802"
                                + "565120"),
                Arguments.of("0.333333333333333333333", "0.333333333333333333333", "0.66666666666666667"),
                Arguments.of("3", "-3", "0"),
                Arguments.of("-0.0", "0", "0"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("sums")
    void sumsPrintAsRedisPrintsThem(String a, String b, String expected) throws Exception {
        // 64-bit mantissa rounding, then %.17Lf with trailing zeros cut: Redis's digits exactly.
        BigDecimal sum = LongDouble.add(LongDouble.parse(bytes(a)), LongDouble.parse(bytes(b)));
        assertThat(new String(LongDouble.format(sum), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "abc", "1e", "--1", "nan", "1e5000", "1e-5000", "1,5"})
    void textThatStrtoldWouldRefuseOrOverflowIsNotAFloat(String text) {
        // string2ld refuses spaces, junk after the number, NaN, and values out of the long double range.
        assertThatThrownBy(() -> LongDouble.parse(bytes(text))).isInstanceOf(LongDouble.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-Infinity", "+INF"})
    void infinityParsesButAnySumWithItIsInfinite(String text) throws Exception {
        // Redis accepts "inf" as a number and then refuses the result: null stands for infinity.
        assertThat(LongDouble.add(LongDouble.parse(bytes(text)), BigDecimal.ONE))
                .isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
