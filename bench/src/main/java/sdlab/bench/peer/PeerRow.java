package sdlab.bench.peer;

import java.util.List;

/**
 * One workload measured against sdlab and against its peer in the same run, one or more rounds
 * per side (see {@link Alternating}); the row's figures are each side's medians.
 *
 * @param workload what was offered, e.g. {@code GET -P 16} or {@code wrk HTTP/1.1, limit on}
 * @param sdlabRounds sdlab's figures, round by round, in the order measured
 * @param peerRounds the peer's figures, round by round
 */
public record PeerRow(String workload, List<LoadFigures> sdlabRounds, List<LoadFigures> peerRounds) {
    public PeerRow {
        sdlabRounds = List.copyOf(sdlabRounds);
        peerRounds = List.copyOf(peerRounds);
        if (sdlabRounds.isEmpty() || peerRounds.isEmpty()) {
            throw new IllegalArgumentException("a row needs at least one round per side: " + workload);
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

    /** sdlab's throughput over the peer's: above 1 is faster. */
    public double throughputRatio() {
        return peer().opsPerSecond() == 0 ? Double.NaN : sdlab().opsPerSecond() / peer().opsPerSecond();
    }

    /** sdlab's p99 over the peer's: below 1 is better. */
    public double p99Ratio() {
        return peer().latencyMsP99() == 0 ? Double.NaN : sdlab().latencyMsP99() / peer().latencyMsP99();
    }
}
