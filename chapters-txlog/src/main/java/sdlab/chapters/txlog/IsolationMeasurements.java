package sdlab.chapters.txlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;

/**
 * Turns one run into counters, checked against the log itself: a record's fate is the marker that its producer
 * wrote after it in its partition (commit, abort, or none yet), and when that marker was appended. Nothing here
 * trusts what the job or the producers believe.
 */
final class IsolationMeasurements {
    static final String RECORDS_READ = "recordsRead";
    static final String ABORTED_READ = "abortedRecordsRead";
    static final String OPEN_READ = "openTransactionRecordsRead";
    static final String DOUBLE_COUNTS = "doubleCountsAfterReplay";
    static final String ABORTED_IN_LOG = "abortedRecordsInLog";
    static final String COMMITTED_IN_LOG = "committedRecordsInLog";
    static final String VISIBLE = "visibleLatency";
    static final String LAG_HW_MEAN = "lagBehindHighWatermarkMean";
    static final String LAG_LSO_MEAN = "lagBehindLastStableOffsetMean";
    static final String LAG_HW_MAX = "lagBehindHighWatermarkMax";
    private static final int EXAMPLES_MAX = 5;

    /** What became of a record: the marker that ended its transaction, if one did, and when. */
    private record Fate(LogRecord.Control marker, long decidedAtNanos) {
        boolean committed() {
            return marker == LogRecord.Control.COMMIT;
        }

        boolean aborted() {
            return marker == LogRecord.Control.ABORT;
        }
    }

    private IsolationMeasurements() {}

    static SeedRun measure(IsolationScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        Map<String, Fate> fates = new HashMap<>();
        Map<String, LogRecord> records = new HashMap<>();
        for (TopicPartition tp : outcome.partitions()) {
            fates(tp, outcome.broker().records(tp), fates, records, run);
        }
        countSightings(outcome.job().sightings(), fates, records, run);
        outcome.job().countsByPayment().values().forEach(times -> run.counter(DOUBLE_COUNTS, Math.max(0, times - 1)));
        lags(outcome.job().lags(), run);
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        return run.build();
    }

    /** Walks a partition backwards so that each data record meets the latest marker of its producer after it. */
    private static void fates(
            TopicPartition tp,
            List<LogRecord> log,
            Map<String, Fate> fates,
            Map<String, LogRecord> records,
            SeedRun.Builder run) {
        Map<Long, Fate> nextMarkerByProducer = new HashMap<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            LogRecord record = log.get(i);
            if (record.isMarker()) {
                nextMarkerByProducer.put(record.producerId(), new Fate(record.control(), record.appendedAtNanos()));
                continue;
            }
            Fate fate = nextMarkerByProducer.getOrDefault(
                    record.producerId(), new Fate(LogRecord.Control.NONE, Long.MAX_VALUE));
            String key = tp + "@" + record.offset();
            fates.put(key, fate);
            records.put(key, record);
            run.counter(ABORTED_IN_LOG, fate.aborted() ? 1 : 0);
            run.counter(COMMITTED_IN_LOG, fate.committed() ? 1 : 0);
        }
    }

    private static void countSightings(
            List<ReplayingJob.Sighting> sightings,
            Map<String, Fate> fates,
            Map<String, LogRecord> records,
            SeedRun.Builder run) {
        Map<String, Long> firstSeenBeforeReplay = new HashMap<>();
        int abortedExamples = 0;
        List<String> openExamples = new ArrayList<>();
        for (ReplayingJob.Sighting seen : sightings) {
            String key = seen.partition() + "@" + seen.offset();
            Fate fate = fates.get(key);
            run.counter(RECORDS_READ, 1);
            if (fate == null || !records.get(key).value().equals(seen.value())) {
                // Only a fork that crashes the broker gets here: the job read a record the log lost in the crash (its
                // offset empty or holding a later record now), so no marker after it can say whether it committed.
                run.finding("read %s@%d at %.1f ms, a record the log no longer holds at the end (lost in a crash)"
                        .formatted(seen.partition(), seen.offset(), seen.atNanos() / 1e6));
                continue;
            }
            boolean open = seen.atNanos() < fate.decidedAtNanos();
            run.counter(ABORTED_READ, fate.aborted() ? 1 : 0);
            run.counter(OPEN_READ, open ? 1 : 0);
            // Aborted reads are quoted first: they are the worse finding, and a witness quotes the first one.
            if (fate.aborted() && abortedExamples++ < EXAMPLES_MAX) {
                run.finding(describe(seen, fate, open));
            } else if (open && openExamples.size() < EXAMPLES_MAX) {
                openExamples.add(describe(seen, fate, open));
            }
            if (seen.pass() == 0 && fate.committed()) {
                firstSeenBeforeReplay.putIfAbsent(key, seen.atNanos());
            }
        }
        openExamples.forEach(run::finding);
        fates.forEach((key, fate) -> {
            if (!fate.committed()) {
                return;
            }
            Long seenAt = firstSeenBeforeReplay.get(key);
            if (seenAt != null) {
                run.latencyNanos(VISIBLE, seenAt - records.get(key).appendedAtNanos());
            }
        });
    }

    private static void lags(List<ReplayingJob.LagSample> lags, SeedRun.Builder run) {
        long hw = 0;
        long lso = 0;
        long hwMax = 0;
        for (ReplayingJob.LagSample sample : lags) {
            hw += sample.behindHighWatermark();
            lso += sample.behindLastStableOffset();
            hwMax = Math.max(hwMax, sample.behindHighWatermark());
        }
        int n = Math.max(1, lags.size());
        run.value(LAG_HW_MEAN, (double) hw / n);
        run.value(LAG_LSO_MEAN, (double) lso / n);
        run.value(LAG_HW_MAX, hwMax);
    }

    private static String describe(ReplayingJob.Sighting seen, Fate fate, boolean open) {
        return "read %s at %s offset %d at %.4f s: %s"
                .formatted(seen.value(), seen.partition(), seen.offset(), seen.atNanos() / 1e9, describe(fate, open));
    }

    private static String describe(Fate fate, boolean open) {
        String later =
                switch (fate.marker()) {
                    case COMMIT -> "committed";
                    case ABORT -> "aborted";
                    case NONE -> "never ended in the run";
                };
        return open ? "its transaction was still open (it then " + later + ")" : "its transaction had " + later;
    }
}
