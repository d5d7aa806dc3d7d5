package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InlineSplitterTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("set k v", List.of("set", "k", "v")),
                Arguments.of("  spaced   out  ", List.of("spaced", "out")),
                Arguments.of("set k \"hello world\"", List.of("set", "k", "hello world")),
                Arguments.of("echo \"a\\x41b\\n\"", List.of("echo", "aAb\n")),
                Arguments.of("echo 'it\\'s'", List.of("echo", "it's")),
                Arguments.of("echo 'no \\n escape'", List.of("echo", "no \\n escape")),
                Arguments.of("   ", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("lines")
    void splitsLikeRedisSdssplitargs(String line, List<String> expected) {
        // Quotes group words; double quotes take escapes; single quotes only \'.
        List<byte[]> args = InlineSplitter.split(line.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(args.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .toList())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"set \"open", "set 'open", "set \"closed\"x", "set 'closed'x"})
    void unbalancedQuotesAreRejected(String line) {
        // An unclosed quote, or a closing quote glued to the next word, is Redis's "unbalanced quotes".
        assertThat(InlineSplitter.split(line.getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
    }
}
