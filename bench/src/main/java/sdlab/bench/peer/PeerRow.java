package sdlab.bench.peer;

/**
 * One workload measured against sdlab and against its peer in the same run.
 *
 * @param workload what was offered, e.g. {@code GET -P 16} or {@code wrk HTTP/1.1, limit on}
 * @param sdlab sdlab's figures
 * @param peer the peer's figures
 */
public record PeerRow(String workload, LoadFigures sdlab, LoadFigures peer) {
    /** sdlab's throughput over the peer's: above 1 is faster. */
    public double throughputRatio() {
        return peer.opsPerSecond() == 0 ? Double.NaN : sdlab.opsPerSecond() / peer.opsPerSecond();
    }

    /** sdlab's p99 over the peer's: below 1 is better. */
    public double p99Ratio() {
        return peer.latencyMsP99() == 0 ? Double.NaN : sdlab.latencyMsP99() / peer.latencyMsP99();
    }
}
