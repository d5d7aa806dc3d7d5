package sdlab.chapters.txlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;

/**
 * A streaming job that sums payments: it polls every partition at one isolation level and adds each payment it reads
 * to its output. At {@code replayAtNanos} it replays, as a job does after a redeploy or a bug fix: it throws its output
 * away and reads every partition again from offset 0. It keeps what it saw, for the measurement, and samples its lag
 * (the high watermark and the last stable offset minus the position it fetched from) on every fetch.
 */
final class ReplayingJob implements Node {
    /** The job's knobs. */
    record Settings(
            NodeId broker,
            List<TopicPartition> partitions,
            IsolationLevel isolation,
            long pollNanos,
            long replayAtNanos,
            int recordsPerFetchMax) {
        Settings {
            partitions = List.copyOf(partitions);
        }
    }

    /** One record read: in which pass (0 before the replay, 1 after), where, and when. */
    record Sighting(int pass, TopicPartition partition, long offset, String value, long atNanos) {}

    /** One lag sample: how many records the high watermark and the LSO were ahead of the position the job fetched from. */
    record LagSample(long behindHighWatermark, long behindLastStableOffset) {}

    /** A fetch in flight: the pass it was sent in, and its partition. */
    private record Pending(int pass, TopicPartition partition, long fetchOffset) {}

    private record Poll() implements Timer {}

    private record Replay() implements Timer {}

    /** A bound on what the job keeps for the measurement; a run of this chapter stays far below it. */
    static final int SIGHTINGS_MAX = 1_000_000;

    private final Settings settings;
    private final Map<TopicPartition, Long> fetchOffsets = new TreeMap<>();
    private final Map<Long, Pending> inFlight = new TreeMap<>();
    private final List<Sighting> sightings = new ArrayList<>();
    private final List<LagSample> lags = new ArrayList<>();
    private final Map<String, Integer> countsByPayment = new TreeMap<>();
    private int pass;
    private long requestIdNext;

    ReplayingJob(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        settings.partitions().forEach(tp -> fetchOffsets.put(tp, 0L));
        ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new Poll());
        ctx.setTimer(Duration.ofNanos(settings.replayAtNanos()), new Replay());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof FetchOk ok)) {
            return;
        }
        Pending pending = inFlight.remove(ok.requestId());
        if (pending == null || pending.pass() != pass) {
            // An answer to a fetch sent before the replay: the replayed job never asked for it.
            return;
        }
        for (LogRecord record : ok.records()) {
            if (sightings.size() < SIGHTINGS_MAX) {
                sightings.add(new Sighting(pass, ok.partition(), record.offset(), record.value(), ctx.nowNanos()));
            }
            countsByPayment.merge(paymentId(record.value()), 1, Integer::sum);
        }
        fetchOffsets.put(ok.partition(), ok.nextFetchOffset());
        // Lag is sampled before the replay: after it the job is behind by the whole topic, by choice.
        if (pass == 0 && lags.size() < SIGHTINGS_MAX) {
            lags.add(new LagSample(
                    Math.max(0, ok.highWatermark() - pending.fetchOffset()),
                    Math.max(0, ok.lastStableOffset() - pending.fetchOffset())));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Poll poll -> {
                // One fetch per partition in flight at most: a partition whose answer is due is skipped this round.
                for (TopicPartition tp : settings.partitions()) {
                    if (inFlight.values().stream().noneMatch(p -> p.partition().equals(tp))) {
                        long requestId = requestIdNext++;
                        inFlight.put(requestId, new Pending(pass, tp, fetchOffsets.get(tp)));
                        ctx.send(
                                settings.broker(),
                                new Fetch(
                                        requestId,
                                        tp,
                                        fetchOffsets.get(tp),
                                        settings.recordsPerFetchMax(),
                                        settings.isolation()));
                    }
                }
                ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new Poll());
            }
            case Replay replay -> {
                ctx.note("the job replays every partition from offset 0");
                pass = 1;
                countsByPayment.clear();
                settings.partitions().forEach(tp -> fetchOffsets.put(tp, 0L));
            }
            default -> {}
        }
    }

    static String paymentId(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    static long amountCents(String value) {
        return Long.parseLong(value.substring(value.indexOf(':') + 1));
    }

    List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    List<LagSample> lags() {
        return List.copyOf(lags);
    }

    /** The output of the last pass: how many times each payment was counted. */
    Map<String, Integer> countsByPayment() {
        return Map.copyOf(countsByPayment);
    }
}
