package sdlab.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostFieldTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t",
                "example.com",
                "example.com:8080",
                "127.0.0.1:80",
                "[::1]",
                "[::1]:8080",
                "a-b_c~d.e",
                "x%41y",
                "sub.example.com.",
                "h:"
            })
    void wellFormedHostsPass(String host) {
        // RFC 3986: reg-name or IP literal, with an optional (possibly empty) port.
        assertThat(HostField.isValid(host)).as(host).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"T, t", "Example.COM:8080, example.com:8080", "t., t", "t.:80, t:80", "[::1]:80, [::1]:80", "a.b, a.b"})
    void routingSeesOneSpellingOfEachHost(String sent, String normal) {
        // Case does not matter in host names, and "t." is the fully qualified "t".
        assertThat(HostField.normalise(sent)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "user@host",
                "a/b",
                "a b",
                "a\\b",
                "host:80:80",
                "host:abc",
                "host:123456",
                ":80",
                "..",
                ".x",
                "a..b",
                ".",
                "a..:80",
                "[::1",
                "[zz]",
                "[]",
                "x%4",
                "a\"b",
                "a<b"
            })
    void hostsThatTwoParsersCouldReadDifferentlyAreRefused(String host) {
        // User information, separators and bad ports: a router and a backend may disagree on them.
        assertThat(HostField.isValid(host)).as(host).isFalse();
    }
}
