package sdlab.chapters.txlog.lag;

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
import sdlab.txlog.GroupMessages.FetchOffsets;
import sdlab.txlog.GroupMessages.OffsetsOk;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;

/**
 * What an operator's dashboard scrapes, read from the broker as an outside tool reads it: every sample asks the group
 * coordinator for the committed offsets, then reads each partition at its committed offset, which answers with the
 * high watermark, the last stable offset and the oldest unconsumed record, and reads the dead-letter topic's log end.
 * Lag in records is the CLI's (log end, here the high watermark, minus committed) and also taken against the LSO; lag
 * in time is the age of the oldest unconsumed record.
 */
final class LagMonitor implements Node {
    /** Where lag is counted from: the committed offset, or (a planted bug) the log's start. */
    enum LagFrom {
        COMMITTED,
        LOG_START
    }

    record Settings(
            NodeId broker,
            String groupId,
            List<TopicPartition> partitions,
            TopicPartition deadLetters,
            long sampleNanos,
            LagFrom lagFrom) {
        Settings {
            partitions = List.copyOf(partitions);
        }
    }

    /** One scrape, summed over the partitions. */
    record Sample(
            long atNanos, long behindHighWatermark, long behindLastStableOffset, long oldestAgeNanos, long dlqSize) {}

    private record Scrape() implements Timer {}

    /** A bound on what the monitor keeps; a run of this chapter stays far below it. */
    private static final int SAMPLES_MAX = 1_000_000;

    private final Settings settings;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Long> requestTimes = new ArrayList<>();
    private final Map<TopicPartition, FetchOk> answers = new TreeMap<>();
    private final Map<TopicPartition, Long> from = new TreeMap<>();
    private long roundStartNanos = -1;
    private long requestIdNext;

    LagMonitor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(settings.sampleNanos()), new Scrape());
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Scrape) {
            // A round still waiting for answers is given up: the next one starts from scratch.
            answers.clear();
            roundStartNanos = ctx.nowNanos();
            request(ctx, new FetchOffsets(requestIdNext++, settings.groupId(), settings.partitions()));
            ctx.setTimer(Duration.ofNanos(settings.sampleNanos()), new Scrape());
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case OffsetsOk ok -> readAt(ok.offsets(), ctx);
            case FetchOk ok -> {
                answers.put(ok.partition(), ok);
                if (answers.size() == settings.partitions().size() + 1) {
                    record(ctx.nowNanos());
                }
            }
            default -> {}
        }
    }

    private void readAt(Map<TopicPartition, Long> committed, NodeContext ctx) {
        for (TopicPartition tp : settings.partitions()) {
            long offset = settings.lagFrom() == LagFrom.COMMITTED ? committed.getOrDefault(tp, 0L) : 0L;
            this.from.put(tp, offset);
            request(ctx, new Fetch(requestIdNext++, tp, offset, 1, IsolationLevel.READ_UNCOMMITTED));
        }
        request(
                ctx,
                new Fetch(requestIdNext++, settings.deadLetters(), Long.MAX_VALUE, 1, IsolationLevel.READ_UNCOMMITTED));
    }

    private void record(long nowNanos) {
        long hw = 0;
        long lso = 0;
        long age = 0;
        for (TopicPartition tp : settings.partitions()) {
            FetchOk ok = answers.get(tp);
            long offset = from.get(tp);
            hw += Math.max(0, ok.highWatermark() - offset);
            lso += Math.max(0, ok.lastStableOffset() - offset);
            if (!ok.records().isEmpty()) {
                age = Math.max(age, nowNanos - ok.records().get(0).appendedAtNanos());
            }
        }
        long dlq = answers.get(settings.deadLetters()).highWatermark();
        if (samples.size() < SAMPLES_MAX) {
            samples.add(new Sample(roundStartNanos, hw, lso, age, dlq));
        }
        answers.clear();
    }

    private void request(NodeContext ctx, Message message) {
        requestTimes.add(ctx.nowNanos());
        ctx.send(settings.broker(), message);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Long> requestTimes() {
        return List.copyOf(requestTimes);
    }
}
