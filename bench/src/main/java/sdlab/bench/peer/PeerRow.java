package sdlab.bench.peer;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One workload measured against sdlab and against its peer in the same run, in rounds that each
 * measure both sides back to back (see {@link Alternating}). The row's figures are each side's
 * medians; its ratios are the medians of the rounds' ratios, so that a machine that slows down
 * or speeds up between rounds (this one drifts by tens of percent within a minute, both sides
 * alike) moves both sides of a ratio together.
 *
 * @param workload what was offered, e.g. {@code GET -P 16} or {@code wrk HTTP/1.1, limit on}
 * @param sdlabRounds sdlab's figures, round by round, in the order measured
 * @param peerRounds the peer's figures, round by round
 */
public record PeerRow(String workload, List<LoadFigures> sdlabRounds, List<LoadFigures> peerRounds) {
    public PeerRow {
        sdlabRounds = List.copyOf(sdlabRounds);
        peerRounds = List.copyOf(peerRounds);
        if (sdlabRounds.isEmpty() || sdlabRounds.size() != peerRounds.size()) {
            throw new IllegalArgumentException("a row needs the same number of rounds, at least one, per side: "
                    + workload + " has " + sdlabRounds.size() + " and " + peerRounds.size());
        }
    }

    /** sdlab's median throughput and median p99, and its errors over all rounds. */
    public LoadFigures sdlab() {
        return Alternating.median(sdlabRounds);
    }

    /** The peer's median figures, as {@link #sdlab()}. */
    public LoadFigures peer() {
        return Alternating.median(peerRounds);
    }

    /** The median over rounds of sdlab's throughput over the peer's: above 1 is faster. */
    public double throughputRatio() {
        return medianRatio(LoadFigures::opsPerSecond);
    }

    /** The median over rounds of sdlab's p99 over the peer's: below 1 is better. */
    public double p99Ratio() {
        return medianRatio(LoadFigures::latencyMsP99);
    }

    private double medianRatio(ToDoubleFunction<LoadFigures> figure) {
        double[] ratios = new double[sdlabRounds.size()];
        for (int round = 0; round < ratios.length; round++) {
            double peer = figure.applyAsDouble(peerRounds.get(round));
            ratios[round] = peer == 0 ? Double.NaN : figure.applyAsDouble(sdlabRounds.get(round)) / peer;
        }
        return Alternating.median(ratios);
    }
}
