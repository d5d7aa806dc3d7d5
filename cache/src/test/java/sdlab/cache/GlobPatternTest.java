package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "*, anything, true",
        "h?llo, hello, true",
        "h?llo, hllo, false",
        "h*llo, heeeello, true",
        "h*llo, hello world, false",
        "h[ae]llo, hallo, true",
        "h[ae]llo, hillo, false",
        "h[^e]llo, hallo, true",
        "h[^e]llo, hello, false",
        "h[a-b]llo, hbllo, true",
        "h[a-b]llo, hcllo, false",
        "a\\*b, a*b, true",
        "a\\*b, axb, false",
        "*a*b*c*, xxaxxbxxcxx, true",
        "*a*b*c*, xxaxxcxxbxx, false",
        "user:*:name, user:42:name, true",
        "'', '', true",
        "'', x, false",
    })
    void matchesLikeRedis(String pattern, String text, boolean expected) {
        // Redis's glob semantics for KEYS, SCAN MATCH and CONFIG GET.
        assertThat(new GlobPattern(pattern.getBytes()).matches(text.getBytes())).isEqualTo(expected);
    }
}
