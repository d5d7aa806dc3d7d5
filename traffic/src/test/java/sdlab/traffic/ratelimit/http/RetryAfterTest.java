package sdlab.traffic.ratelimit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sdlab.traffic.ratelimit.Decision;

class RetryAfterTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "999999999,1", "1000000000,1", "1000000001,2", "59500000000,60"})
    void deltaSecondsRoundUpSoThatAnObedientClientNeverRetriesEarly(long nanos, long seconds) {
        // Any fraction of a second becomes a whole second more.
        assertThat(RetryAfter.deltaSeconds(nanos)).isEqualTo(seconds);
    }

    @Test
    void aRequestThatCanNeverBeGrantedIsToldToWaitTheMaximum() {
        // "Never" has no header form; a day is the longest advice given.
        assertThat(RetryAfter.deltaSeconds(Decision.NEVER)).isEqualTo(RetryAfter.DELTA_SECONDS_MAX);
    }

    @Test
    void httpDatesAreImfFixdatesInGmt() {
        // RFC 9110's own example instant, with a two-digit day.
        assertThat(RetryAfter.httpDate(784_111_777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void theHttpDateFormNamesNoMomentBeforeTheWaitEnds() {
        // Now is 08:49:36.5; a 1.2 s wait ends at 08:49:37.7, advertised as 08:49:38 (both rounded up).
        String value = RetryAfter.value(RetryAfterFormat.HTTP_DATE, 1_200_000_000L, 784_111_776_500L);
        assertThat(value).isEqualTo("Sun, 06 Nov 1994 08:49:39 GMT");
        assertThat(RetryAfter.value(RetryAfterFormat.DELTA_SECONDS, 1_200_000_000L, 0))
                .isEqualTo("2");
    }
}
