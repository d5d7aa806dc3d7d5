package sdlab.bench.peer;

/**
 * What one load-generator run measured.
 *
 * @param opsPerSecond completed operations (requests) per second
 * @param latencyMsP99 the 99th-percentile latency in milliseconds
 * @param errors failed requests, error statuses and socket errors the tool reported
 */
public record LoadFigures(double opsPerSecond, double latencyMsP99, long errors) {
    public LoadFigures {
        assert opsPerSecond >= 0 && latencyMsP99 >= 0 && errors >= 0;
    }
}
