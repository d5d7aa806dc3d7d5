package sdlab.traffic.httpcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Cache-Control field as RFC 9111 section 5.2 writes it, parsed into the directives a cache acts on. */
class CacheControlTest {

    @Test
    void everyKnownDirectiveIsRead() {
        // Shows: each directive the cache acts on sets its own component and nothing else's.
        CacheControl all = CacheControl.parse(
                "no-store, no-cache, private, public, max-age=60, s-maxage=30, must-revalidate, proxy-revalidate");
        assertThat(all)
                .isEqualTo(
                        new CacheControl(true, true, true, true, OptionalLong.of(60), OptionalLong.of(30), true, true));
        assertThat(CacheControl.parse("private"))
                .isEqualTo(new CacheControl(
                        false, false, true, false, OptionalLong.empty(), OptionalLong.empty(), false, false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "max-age=60",
                "MAX-AGE=60",
                "Max-Age=60",
                "max-age=\"60\"",
                "  max-age = 60  ",
                "max-age=60,",
                ",,max-age=60",
                "max-age=060",
                "foo, max-age=60",
                "max-age=60, max-age=5",
                "x-ext=\"a, max-age=1\", max-age=60",
                "community=\"UCI\", max-age=60"
            })
    void maxAgeIsReadWhateverTheSpellingOrCompany(String field) {
        // Shows: case, whitespace, empty members, quoting, unknown directives (even with commas inside their
        // quoted arguments) and a later repeat leave max-age at 60 seconds.
        assertThat(CacheControl.parse(field).maxAgeSeconds()).as(field).hasValue(60);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "max-age",
                "max-age=",
                "max-age=abc",
                "max-age=-1",
                "max-age=1.5",
                "max-age=6 0",
                "max-age=\"60",
                "max-age=\"6\"0",
                "max-age=0",
                "max-age=abc, max-age=60"
            })
    void aMalformedOrZeroMaxAgeMakesTheResponseStaleAtOnce(String field) {
        // Shows: RFC 9111 section 4.2.1 encourages treating invalid freshness information as stale, so a zero, missing,
        // non-numeric, negative, fractional or badly quoted argument is a lifetime of zero, and it still counts as
        // the first occurrence.
        assertThat(CacheControl.parse(field).maxAgeSeconds()).as(field).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({
        "max-age=2147483647, 2147483647",
        "max-age=2147483648, 2147483648",
        "max-age=2147483649, 2147483648",
        "max-age=99999999999999999999999, 2147483648"
    })
    void aDeltaTooLargeToRepresentIsTwoToTheThirtyFirstSeconds(String field, long seconds) {
        // Shows: RFC 9111 section 1.2.2: an overflowing delta-seconds stands for 2^31 seconds, never an error.
        assertThat(CacheControl.parse(field).maxAgeSeconds()).hasValue(seconds);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", "foo", "foo=bar", "\"private\"", "pri vate", "=60", "max-age60"})
    void aFieldWithNothingKnownSaysNothing(String field) {
        // Shows: absent, empty, unknown and malformed members are ignored rather than misread as directives.
        assertThat(CacheControl.parse(field)).isEqualTo(CacheControl.NONE);
    }

    @Test
    void qualifiedPrivateAndNoCacheCountAsUnqualified() {
        // Shows: private="Set-Cookie" and no-cache="Set-Cookie, Foo" are read as the whole-response directives,
        // which stores less than the qualified form would allow and never more.
        CacheControl parsed = CacheControl.parse("private=\"Set-Cookie\", no-cache=\"Set-Cookie, Foo\", max-age=5");
        assertThat(parsed.privateOnly()).isTrue();
        assertThat(parsed.noCache()).isTrue();
        assertThat(parsed.maxAgeSeconds()).hasValue(5);
    }

    @Test
    void quotedStringsKeepEscapedQuotesAndCommasInside() {
        // Shows: a backslash-escaped quote does not end the quoted string, so the comma after it is not a separator.
        assertThat(CacheControl.parse("x=\"a\\\", private\", public"))
                .isEqualTo(new CacheControl(
                        false, false, false, true, OptionalLong.empty(), OptionalLong.empty(), false, false));
    }
}
