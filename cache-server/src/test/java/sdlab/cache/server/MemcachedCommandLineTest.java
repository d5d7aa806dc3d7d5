package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.memcached.MemcachedKey;

/**
 * The command line scanner reads tokens and numbers in place, without Strings; these tests hold
 * it to the String-based reading it replaced ({@code Long.parseLong} and friends), on the edge
 * cases and on random tokens.
 */
class MemcachedCommandLineTest {
    private final MemcachedCommandLine line = new MemcachedCommandLine();

    @Test
    void spacesSplitTokensAndSeveralCountAsOne() {
        // Only spaces separate: a tab or a control byte belongs to its token, as in memcached.
        scan("  get  a\tb \u0010\u0010k   ");

        assertThat(line.size()).isEqualTo(3);
        assertThat(line.text(0)).isEqualTo("get");
        assertThat(line.text(1)).isEqualTo("a\tb");
        assertThat(line.text(2)).isEqualTo("\u0010\u0010k");
        assertThat(MemcachedVerb.of(line)).isEqualTo(MemcachedVerb.GET);
        assertThat(MemcachedVerb.of(scan("GET k"))).isEqualTo(MemcachedVerb.UNKNOWN);
        assertThat(MemcachedVerb.of(scan(""))).isEqualTo(MemcachedVerb.UNKNOWN);
    }

    @Test
    void aKeyIsAtMost250Bytes() {
        // 250 bytes are a key; 251 are not, and the probe is left alone.
        MemcachedKey probe = new MemcachedKey();
        assertThat(scan("get " + "k".repeat(250) + " " + "k".repeat(251)).key(1, probe))
                .isTrue();
        assertThat(probe.length()).isEqualTo(250);
        assertThat(line.key(2, probe)).isFalse();
    }

    @Test
    void aLongLineIsScannedWholeAndTheNextShortOneReusesTheObject() {
        // A get of 20,000 keys has 20,001 tokens; the next line reads as if it were the first.
        StringBuilder many = new StringBuilder("get");
        for (int i = 0; i < 20_000; i++) {
            many.append(" key").append(i);
        }
        assertThat(scan(many.toString()).size()).isEqualTo(20_001);
        assertThat(line.text(20_000)).isEqualTo("key19999");
        assertThat(scan("set k 0 0 5").size()).isEqualTo(5);
        assertThat(line.unsigned(4, 100)).isEqualTo(5);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void numbersReadAsTheStringParsersReadThem(long seed) {
        // Random tokens built from digits, signs and junk: every reading agrees with the String-based one.
        SplittableRandom random = new SplittableRandom(seed);
        String[] edges = {
            "0",
            "+0",
            "-0",
            "+",
            "-",
            "",
            "18446744073709551615",
            "18446744073709551616",
            "+18446744073709551615",
            "00000000000000000000001",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967296",
            "++1",
            "1a",
            "\u00e91",
            "٣"
        };
        for (int i = 0; i < 20_000; i++) {
            String token = i < edges.length ? edges[i] : randomToken(random);
            scan("x " + token + " T" + token);
            if (token.isEmpty()) {
                continue; // no token at all: the callers check the count first
            }
            assertThat(line.unsigned(1, 1L << 32)).as(token).isEqualTo(referenceUnsigned(token, 1L << 32));
            assertThat(line.unsigned64(1)).as(token).isEqualTo(referenceUnsigned64(token));
            assertThat(line.signed(1)).as(token).isEqualTo(referenceSigned(token));
            assertThat(line.signed64(2, 1)).as(token).isEqualTo(referenceParseLong(token));
            assertThat(line.unsigned64(2, 1)).as(token).isEqualTo(referenceParseUnsignedLong(token));
        }
    }

    private MemcachedCommandLine scan(String text) {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            return line.scan(in, 0, in.writerIndex());
        } finally {
            in.release();
        }
    }

    private static String randomToken(SplittableRandom random) {
        String alphabet = "0123456789000000999999+-a ";
        StringBuilder token = new StringBuilder();
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length() - 1)); // no space: one token
            token.append(c);
        }
        return token.toString();
    }

    // The readings the scanner replaced, on the token as US-ASCII text.

    private static long referenceUnsigned(String text, long limitExclusive) {
        text = ascii(text);
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            long value = Long.parseUnsignedLong(text);
            return Long.compareUnsigned(value, limitExclusive) >= 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Long referenceUnsigned64(String text) {
        text = ascii(text);
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return referenceParseUnsignedLong(text);
    }

    private static long referenceSigned(String text) {
        Long value = referenceParseLong(text);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE
                ? MemcachedCommandLine.NOT_A_NUMBER
                : value;
    }

    private static Long referenceParseLong(String text) {
        try {
            return Long.parseLong(ascii(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long referenceParseUnsignedLong(String text) {
        try {
            return Long.parseUnsignedLong(ascii(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The token as the old code saw it: its UTF-8 bytes decoded as US-ASCII. */
    private static String ascii(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII);
    }
}
