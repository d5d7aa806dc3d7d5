package sdlab.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Scores print as redis-server 7.0 prints them (%.17g), and the log's shortest form parses back exactly. */
class ScoreTextTest {

    @Test
    void repliesUseSeventeenSignificantDigitsLikeCPrintf() {
        // The figures redis-server 7.0 sends for these scores.
        assertThat(ScoreText.reply(1)).isEqualTo("1");
        assertThat(ScoreText.reply(1.5)).isEqualTo("1.5");
        assertThat(ScoreText.reply(-2.25)).isEqualTo("-2.25");
        assertThat(ScoreText.reply(0.1)).isEqualTo("0.10000000000000001");
        assertThat(ScoreText.reply(1e20)).isEqualTo("1e+20");
        assertThat(ScoreText.reply(1e16)).isEqualTo("10000000000000000");
        assertThat(ScoreText.reply(1e17)).isEqualTo("1e+17");
        assertThat(ScoreText.reply(0.0001)).isEqualTo("0.0001");
        assertThat(ScoreText.reply(0.00001)).isEqualTo("1.0000000000000001e-05");
        assertThat(ScoreText.reply(1e-300)).isEqualTo("1e-300");
        assertThat(ScoreText.reply(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(ScoreText.reply(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(ScoreText.reply(0.0)).isEqualTo("0");
        assertThat(ScoreText.reply(-0.0)).isEqualTo("-0");
    }

    @Test
    void theShortestFormIsShortAndKeepsTheLayoutOfG() {
        // The fewest digits that identify the double, laid out as %g would.
        assertThat(ScoreText.shortest(0.1)).isEqualTo("0.1");
        assertThat(ScoreText.shortest(1e20)).isEqualTo("1e+20");
        assertThat(ScoreText.shortest(0.00001)).isEqualTo("1e-05");
        assertThat(ScoreText.shortest(123.0)).isEqualTo("123");
    }

    @Test
    void theShortestFormParsesBackToTheSameDoubleForRandomBitPatterns() {
        // Every finite double and the infinities survive the append-only file's text exactly.
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double score = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(score)) {
                continue;
            }
            String text = ScoreText.shortest(score).replace("inf", "Infinity");
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
                    .as(text)
                    .isEqualTo(Double.doubleToRawLongBits(score));
        }
    }
}
