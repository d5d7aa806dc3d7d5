package sdlab.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    private static RequestTarget normal(String text) {
        RequestTarget.Parsed parsed = RequestTarget.parse(text);
        assertThat(parsed).as(text).isInstanceOf(RequestTarget.Normal.class);
        return ((RequestTarget.Normal) parsed).target();
    }

    private static String refusal(String text) {
        RequestTarget.Parsed parsed = RequestTarget.parse(text);
        assertThat(parsed).as(text).isInstanceOf(RequestTarget.Refused.class);
        return ((RequestTarget.Refused) parsed).reason();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/limited",
                "/%6cimited",
                "/%6Cimited",
                "/x/../limited",
                "//limited",
                "/./limited",
                "/a/b/../../limited",
                "///limited",
                "/%2e/limited",
                "/x/%2E%2E/limited"
            })
    void everySpellingOfOnePathMeetsTheSameNormalForm(String spelling) {
        // The bypasses of issue 10: each reached the catch-all route while the backend saw /limited.
        assertThat(normal(spelling).path()).isEqualTo("/limited");
    }

    @ParameterizedTest
    @CsvSource({
        "/, /",
        "/a/, /a/",
        "/a//, /a/",
        "/a/., /a/",
        "/a/.., /",
        "/a/b/.., /a/",
        "/..., /...",
        "/a%20b, /a%20b",
        "/a%3fb, /a%3Fb",
        "/caf%c3%a9, /caf%C3%A9",
        "/raw/../admin, /admin"
    })
    void dotSegmentsGoAndTrailingSlashesStay(String spelling, String normalForm) {
        // RFC 3986 section 5.2.4, with empty segments merged; reserved escapes keep upper-case digits.
        assertThat(normal(spelling).path()).isEqualTo(normalForm);
    }

    @Test
    void theQueryIsKeptAsSentAndTheOriginFormJoinsThem() {
        // Only the path is normalised: a query's escapes and dots mean what the application says.
        RequestTarget target = normal("/x/../a?b=%2e%2e/../c&d");
        assertThat(target.path()).isEqualTo("/a");
        assertThat(target.query()).isEqualTo("b=%2e%2e/../c&d");
        assertThat(target.originForm()).isEqualTo("/a?b=%2e%2e/../c&d");
        assertThat(normal("/a?").originForm()).isEqualTo("/a?");
    }

    @Test
    void anAbsoluteFormTargetYieldsItsAuthorityAndAnOriginFormPath() {
        // RFC 9112 section 3.2.2: the target's authority replaces Host.
        RequestTarget target = normal("http://Example.com:8080/a/./b?q=1");
        assertThat(target.authority()).isEqualTo("Example.com:8080");
        assertThat(target.originForm()).isEqualTo("/a/b?q=1");
        assertThat(normal("https://example.com").originForm()).isEqualTo("/");
        assertThat(normal("HTTP://example.com?x").originForm()).isEqualTo("/?x");
        assertThat(normal("/a").authority()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/a%2Fb | encoded slash",
                "/a%2fb | encoded slash",
                "/.. | climbs above the root",
                "/../etc/passwd | climbs above the root",
                "/a/../../b | climbs above the root",
                "/%2e%2e/admin | climbs above the root",
                "/a%00b | encoded NUL",
                "/a%zzb | malformed percent-escape",
                "/a%4 | malformed percent-escape",
                "/a% | malformed percent-escape",
                "a/b | starts with '/'",
                "ftp://host/a | is not http or https",
                "http://user@host/a | invalid authority",
                "http:///a | invalid authority",
                "* | asterisk form"
            })
    void targetsWithoutASafeNormalFormAreRefusedSayingWhy(String target, String reason) {
        // Each would mean one thing to the router and another to some backend.
        assertThat(refusal(target)).contains(reason);
    }

    @Test
    void controlCharactersAndAnEmptyTargetAreRefused() {
        assertThat(refusal("/a\u0001b")).contains("control character");
        assertThat(refusal("/a\u007fb")).contains("control character");
        assertThat(refusal("")).contains("empty");
    }

    @Test
    void aFragmentIsDroppedAsNginxDropsIt() {
        // A client should not send one (RFC 9112 section 3.2); no server acts on it.
        assertThat(normal("/a#frag").originForm()).isEqualTo("/a");
        assertThat(normal("/a/../b?x=1#frag").originForm()).isEqualTo("/b?x=1");
        assertThat(refusal("#frag")).contains("empty");
    }

    @Test
    void rawBytesOutsideAsciiArePercentEncodedInPathAndQuery() {
        // "café" sent raw in UTF-8 reads as two ISO-8859-1 characters; forwarded as they are, an
        // encoder writing UTF-8 would double them. Escaped, the backend gets the client's bytes.
        RequestTarget target = normal("/caf\u00c3\u00a9?q=\u00c3\u00a9");
        assertThat(target.originForm()).isEqualTo("/caf%C3%A9?q=%C3%A9");
        assertThat(refusal("/a\u0100")).contains("not a byte");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /**
     * Property: a path built from known segments, then disguised with every equivalent spelling
     * (escaped unreserved characters, {@code .} and {@code x/..} segments, doubled slashes),
     * normalises back to the segments it was built from. The expected form comes from the
     * generator, not from the code under test.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aDisguisedPathNormalisesToThePathItDisguises(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> segments = new ArrayList<>();
        int count = random.nextInt(1, 6);
        for (int i = 0; i < count; i++) {
            segments.add(randomSegment(random));
        }
        String expected = "/" + String.join("/", segments);
        StringBuilder disguised = new StringBuilder();
        for (String segment : segments) {
            disguised.append(random.nextInt(4) == 0 ? "//" : "/");
            if (random.nextInt(4) == 0) {
                disguised.append("./");
            }
            if (random.nextInt(4) == 0) {
                disguised.append(randomSegment(random)).append("/%2E%2e/");
            }
            disguised.append(escapeSome(segment, random));
        }
        RequestTarget target = normal(disguised.toString());
        assertThat(target.path()).as("seed %d: %s", seed, disguised).isEqualTo(expected);
        assertThat(normal(target.path()).path()).as("normal form is stable").isEqualTo(expected);
    }

    private static String randomSegment(SplittableRandom random) {
        String alphabet = "abcxyzABC019-_~";
        StringBuilder segment = new StringBuilder();
        int length = random.nextInt(1, 6);
        for (int i = 0; i < length; i++) {
            segment.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return segment.toString().equals(".") ? "dot" : segment.toString();
    }

    private static String escapeSome(String segment, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (random.nextInt(3) == 0) {
                String hex = String.format("%02x", (int) c);
                out.append('%').append(random.nextBoolean() ? hex : hex.toUpperCase());
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
