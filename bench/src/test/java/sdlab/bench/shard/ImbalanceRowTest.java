package sdlab.bench.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ImbalanceRowTest {
    @Test
    void oneTokenOnTwoNodesGivesMaxOverMeanUniformBetweenOneAndTwo() {
        // Two random points cut the ring into arcs U and 1-U with U uniform, so max/mean = 2 max(U, 1-U) is uniform
        // on [1, 2]: median 1.5, a quarter of placements below 1.25.
        double[] values = LongStream.range(0, 2000)
                .mapToDouble(seed -> TokenRing.place(2, 1, seed).maxOverMean())
                .sorted()
                .toArray();

        assertThat(values[0]).isGreaterThanOrEqualTo(1.0);
        assertThat(values[values.length - 1]).isLessThanOrEqualTo(2.0);
        assertThat(ImbalanceRow.percentile(values, 50)).isCloseTo(1.5, within(0.05));
        assertThat(LongStream.range(0, values.length)
                        .filter(i -> values[(int) i] < 1.25)
                        .count())
                .isBetween(400L, 600L);
    }

    @Test
    void sampledKeysAgreeWithTheExactSharesWithinSamplingError() {
        // 200,000 routed keys on 12 nodes x 4 tokens: every node's count within 4.5 binomial sd of its exact share.
        TokenRing.Sampled sampled = TokenRing.place(12, 4, 3).sample(200_000, 5);

        assertThat(sampled.worstShareZ()).isLessThan(4.5);
        assertThat(Math.abs(sampled.movedZ())).isLessThan(4.5);
    }

    @Test
    void aJoinMovesAboutTheIdealShareWithManyTokens() {
        // With 256 tokens the joiner's share, the data moved, is within a few per cent of 1/(n+1).
        ImbalanceRow row = ImbalanceRow.measure(12, 256, 20, 0);

        assertThat(row.movedOverIdealMedian()).isCloseTo(1.0, within(0.1));
        assertThat(row.maxOverMeanMedian()).isLessThan(1.25);
    }

    @Test
    void moreTokensShrinkTheImbalanceAsOneOverRootT() {
        // The shares' sd over the mean follows 1/sqrt(T) within 20 % (16 tokens about 0.25, 256 about 0.0625), and
        // the exact Beta value within 10 %.
        ImbalanceRow sixteen = ImbalanceRow.measure(12, 16, 40, 0);
        ImbalanceRow many = ImbalanceRow.measure(12, 256, 40, 0);

        assertThat(sixteen.shareSdOverMean() / sixteen.textbookSdOverMean()).isBetween(0.8, 1.2);
        assertThat(many.shareSdOverMean() / many.textbookSdOverMean()).isBetween(0.8, 1.2);
        assertThat(ImbalanceRow.measure(4, 4, 100, 0).shareSdOverMean() / Math.sqrt(3.0 / 17))
                .isBetween(0.9, 1.1);
        assertThat(many.maxOverMeanMedian()).isLessThan(sixteen.maxOverMeanMedian());
    }
}
