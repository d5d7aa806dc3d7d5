package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonTest {
    @ParameterizedTest
    @CsvSource({
        // successes, trials, low, high: reference values of the 95% Wilson score interval
        "1000, 1000, 0.996173, 1.0",
        "0, 10, 0.0, 0.277533",
        "5, 10, 0.236593, 0.763407",
        "987, 1000, 0.977886, 0.992387",
        "1, 1, 0.206549, 1.0",
        "86, 100, 0.778628, 0.914737"
    })
    void matchesTheWilsonScoreInterval(int successes, int trials, double low, double high) {
        // The interval reported with every claim is the textbook one, to six decimals.
        Wilson interval = Wilson.interval95(successes, trials);
        assertThat(interval.low()).isCloseTo(low, within(1e-6));
        assertThat(interval.high()).isCloseTo(high, within(1e-6));
    }

    @Test
    void evidenceTextRoundsForPeopleWithoutClaimingCertainty() {
        // 1000 of 1000 is "99.6%-100%": never "100%-100%", which would claim more than a sample can.
        assertThat(Wilson.interval95(1000, 1000).text()).isEqualTo("95% CI 99.6%-100%");
        assertThat(Wilson.interval95(0, 1000).text()).isEqualTo("95% CI 0%-0.4%");
        assertThat(Percent.format(0.99996)).isEqualTo("99.996%");
        assertThat(Percent.format(0.5)).isEqualTo("50%");
        assertThat(Percent.format(0.00038)).isEqualTo("0.04%");
    }
}
