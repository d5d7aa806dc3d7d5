package sdlab.chapters.txlog.lag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;

/**
 * Turns one run into windows: each window's p95 end-to-end latency over the records finished in it, from the clients'
 * own send times to the consumer finishing the record (the independent reference), and each metric as the monitor and the broker saw it. A metric
 * "tracks" latency when its correlation with p95 over the windows is high. The first window is left out: the
 * consumers are still starting.
 */
final class LagMeasurements {
    static final String LATENCY = "endToEndLatency";
    static final String P95_PEAK_MS = "p95PeakMs";
    static final String P95_MEDIAN_MS = "p95MedianMs";
    static final String PROCESSED = "recordsProcessed";
    static final String DEAD_LETTERED = "recordsDeadLettered";
    static final String EXPIRED = "recordsExpired";
    static final String UNFINISHED = "recordsUnfinished";

    private LagMeasurements() {}

    static SeedRun measure(
            LagScenario.Outcome outcome, long windowNanos, long produceCost, long requestCost, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        int windows = (int) (outcome.runNanos() / windowNanos);
        Map<String, GroupConsumer.Outcome> fates = new HashMap<>();
        outcome.consumers().forEach(c -> c.outcomes().forEach(o -> fates.put(o.value(), o)));

        List<List<Long>> latencies = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            latencies.add(new ArrayList<>());
        }
        for (SteadyClient client : outcome.clients()) {
            for (SteadyClient.Sent sent : client.sent()) {
                GroupConsumer.Outcome fate = fates.get(sent.value());
                if (fate == null) {
                    run.counter(UNFINISHED, 1);
                    continue;
                }
                // A latency is observed when the record is done, as a dashboard's histogram records it.
                int k = (int) (fate.atNanos() / windowNanos);
                if (k >= windows) {
                    continue;
                }
                switch (fate.kind()) {
                    case PROCESSED -> {
                        run.counter(PROCESSED, 1);
                        run.latencyNanos(LATENCY, fate.atNanos() - sent.atNanos());
                        latencies.get(k).add(fate.atNanos() - sent.atNanos());
                    }
                    case DEAD_LETTERED -> run.counter(DEAD_LETTERED, 1);
                    case EXPIRED -> run.counter(EXPIRED, 1);
                }
            }
        }
        double[] p95 = new double[windows - 1];
        for (int k = 1; k < windows; k++) {
            p95[k - 1] = p95Ms(latencies.get(k));
        }
        Map<Metric, double[]> series = series(outcome, windows, windowNanos, produceCost, requestCost);
        for (Metric metric : Metric.values()) {
            double[] values = series.get(metric);
            run.value(metric.correlationKey(), Correlation.pearson(values, p95));
            run.value(metric.maxKey(), Arrays.stream(values).max().orElse(0));
        }
        double[] sorted = p95.clone();
        Arrays.sort(sorted);
        run.value(P95_PEAK_MS, sorted[sorted.length - 1]);
        run.value(P95_MEDIAN_MS, sorted[sorted.length / 2]);
        int peak = 0;
        for (int i = 0; i < p95.length; i++) {
            peak = p95[i] > p95[peak] ? i : peak;
        }
        StringBuilder line =
                new StringBuilder("window %d s (the p95 peak): p95 %.0f ms".formatted(peak + 1, p95[peak]));
        for (Metric metric : Metric.values()) {
            line.append(", %s %.2f".formatted(metric.id, series.get(metric)[peak]));
        }
        run.finding(line.toString());
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        return run.build();
    }

    /** Every metric per window (windows 1 onwards): lag forms averaged over the window's samples, the rest at its end. */
    private static Map<Metric, double[]> series(
            LagScenario.Outcome outcome, int windows, long windowNanos, long produceCost, long requestCost) {
        int n = windows - 1;
        double[] lag = new double[n];
        double[] lagLso = new double[n];
        double[] lagSeconds = new double[n];
        double[] dlq = new double[n];
        int[] samples = new int[n];
        for (LagMonitor.Sample s : outcome.monitor().samples()) {
            int k = (int) (s.atNanos() / windowNanos) - 1;
            if (k < 0 || k >= n) {
                continue;
            }
            lag[k] += s.behindHighWatermark();
            lagLso[k] += s.behindLastStableOffset();
            lagSeconds[k] += s.oldestAgeNanos() / 1e9;
            dlq[k] = Math.max(dlq[k], s.dlqSize());
            samples[k]++;
        }
        for (int k = 0; k < n; k++) {
            int count = Math.max(1, samples[k]);
            lag[k] /= count;
            lagLso[k] /= count;
            lagSeconds[k] /= count;
        }
        double[] ttl = new double[n];
        outcome.consumers().forEach(c -> c.outcomes().stream()
                .filter(o -> o.kind() == GroupConsumer.Outcome.Kind.EXPIRED)
                .forEach(o -> {
                    for (int k = Math.max(0, (int) (o.atNanos() / windowNanos) - 1); k < n; k++) {
                        ttl[k]++;
                    }
                }));
        double[] busy = new double[n];
        List<TopicPartition> all = new ArrayList<>(outcome.partitions());
        all.add(outcome.deadLetters());
        for (TopicPartition tp : all) {
            for (LogRecord r : outcome.broker().records(tp)) {
                add(busy, r.appendedAtNanos(), windowNanos, produceCost);
            }
        }
        outcome.consumers().forEach(c -> c.requestTimes().forEach(t -> add(busy, t, windowNanos, requestCost)));
        outcome.monitor().requestTimes().forEach(t -> add(busy, t, windowNanos, requestCost));
        double[] idle = new double[n];
        for (int k = 0; k < n; k++) {
            idle[k] = Math.max(0, 1 - busy[k] / windowNanos);
        }
        return Map.of(
                Metric.DLQ_SIZE, dlq,
                Metric.LAG_RECORDS, lag,
                Metric.LAG_LSO, lagLso,
                Metric.LAG_SECONDS, lagSeconds,
                Metric.TTL_VIOLATIONS, ttl,
                Metric.BROKER_IDLE, idle);
    }

    private static void add(double[] busy, long atNanos, long windowNanos, long cost) {
        int k = (int) (atNanos / windowNanos) - 1;
        if (k >= 0 && k < busy.length) {
            busy[k] += cost;
        }
    }

    private static double p95Ms(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(0.95 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
