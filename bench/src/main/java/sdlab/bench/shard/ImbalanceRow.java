package sdlab.bench.shard;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * One line of {@code bench shard}: a node count and token count over many random token placements.
 *
 * @param nodes nodes in the ring
 * @param tokens tokens per node ({@code num_tokens})
 * @param placements how many random placements (token seeds)
 * @param maxOverMeanMedian the median over placements of the hottest node's share over the mean
 * @param maxOverMeanP99 its 99th percentile (nearest rank)
 * @param maxOverMeanWorst the largest seen
 * @param shareSdOverMean the root mean square over placements of the shares' standard deviation over the mean share
 * @param movedOverIdealMedian the median of the data moved on one join over the ideal {@code 1/(n+1)}
 * @param movedOverIdealP99 its 99th percentile
 * @param sampled what routing sampled keys on the first placement gave
 */
public record ImbalanceRow(
        int nodes,
        int tokens,
        int placements,
        double maxOverMeanMedian,
        double maxOverMeanP99,
        double maxOverMeanWorst,
        double shareSdOverMean,
        double movedOverIdealMedian,
        double movedOverIdealP99,
        TokenRing.Sampled sampled) {

    /** The textbook's standard deviation over the mean for T random tokens per node: {@code 1/sqrt(T)}. */
    public double textbookSdOverMean() {
        return 1 / Math.sqrt(tokens);
    }

    /**
     * The exact value for random tokens: a node's share is the sum of T of the ring's nT arcs, Beta(T, (n-1)T), whose
     * standard deviation over its mean is {@code sqrt((n-1)/(nT+1))}; the textbook's {@code 1/sqrt(T)} is its limit
     * for many nodes, and overstates it by {@code sqrt(n/(n-1))} on few.
     */
    public double betaSdOverMean() {
        return Math.sqrt((nodes - 1.0) / ((double) nodes * tokens + 1));
    }

    /**
     * Measures one line: placements with token seeds {@code 0 .. placements-1} (in parallel; each is independent and
     * the result does not depend on the order), then {@code sampleKeys} routed keys on placement 0 (none if 0).
     */
    public static ImbalanceRow measure(int nodes, int tokens, int placements, int sampleKeys) {
        if (placements < 1) {
            throw new IllegalArgumentException("at least one placement, got " + placements);
        }
        double[][] perSeed = LongStream.range(0, placements)
                .parallel()
                .mapToObj(seed -> {
                    TokenRing ring = TokenRing.place(nodes, tokens, seed);
                    return new double[] {
                        ring.maxOverMean(), ring.shareSdOverMean(), ring.movedOnJoin() / ring.idealMove()
                    };
                })
                .toArray(double[][]::new);
        double[] maxOverMean = column(perSeed, 0);
        double[] moved = column(perSeed, 2);
        double meanSquare =
                Arrays.stream(column(perSeed, 1)).map(sd -> sd * sd).average().orElseThrow();
        TokenRing.Sampled sampled = sampleKeys == 0
                ? new TokenRing.Sampled(0, 0, 0, 0)
                : TokenRing.place(nodes, tokens, 0).sample(sampleKeys, 7L * nodes + tokens);
        return new ImbalanceRow(
                nodes,
                tokens,
                placements,
                percentile(maxOverMean, 50),
                percentile(maxOverMean, 99),
                maxOverMean[maxOverMean.length - 1],
                Math.sqrt(meanSquare),
                percentile(moved, 50),
                percentile(moved, 99),
                sampled);
    }

    private static double[] column(double[][] rows, int index) {
        double[] values = Arrays.stream(rows).mapToDouble(row -> row[index]).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Nearest rank on sorted values: the smallest value with at least p % of them at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
