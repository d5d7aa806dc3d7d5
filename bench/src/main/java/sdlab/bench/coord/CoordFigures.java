package sdlab.bench.coord;

import java.util.Map;
import java.util.TreeMap;
import sdlab.bench.peer.LoadFigures;

/**
 * What one phase measured against one ensemble.
 *
 * @param opsPerSecond successful operations completed in the measured window, per second
 * @param latencyMsP50 the median latency of those operations, from the call to its callback
 * @param latencyMsP99 their 99th-percentile latency
 * @param errorsByCode failed operations by ZooKeeper result code (e.g. {@code CONNECTIONLOSS}),
 *     warm-up included, plus {@code NO_REPLY} for requests still unanswered when the phase ended
 */
public record CoordFigures(
        double opsPerSecond, double latencyMsP50, double latencyMsP99, Map<String, Long> errorsByCode) {
    public CoordFigures {
        errorsByCode = Map.copyOf(errorsByCode);
    }

    /** All failed operations. */
    public long errors() {
        return errorsByCode.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Throughput, p99 and errors, as the other side-by-side benches report them. */
    LoadFigures loadFigures() {
        return new LoadFigures(opsPerSecond, latencyMsP99, errors());
    }

    /** The codes in name order, {@code CODE=count} separated by spaces, or {@code none}. */
    public String errorsText() {
        if (errorsByCode.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(errorsByCode).forEach((code, count) -> text.append(text.isEmpty() ? "" : " ")
                .append(code)
                .append('=')
                .append(count));
        return text.toString();
    }
}
