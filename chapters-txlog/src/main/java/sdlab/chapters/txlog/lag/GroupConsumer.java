package sdlab.chapters.txlog.lag;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.DeadLetters;
import sdlab.txlog.GroupMessages.CommitOffsets;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * One member of the consumer group, with a single processing thread: it fetches its partitions when it has nothing
 * left to do, handles the records one at a time in the order fetched, and commits each record's offset when done. A
 * record older than the TTL when its turn comes is dropped; a failing record is retried after a back-off and, once
 * the dead-letter convention says so, produced to the dead-letter topic. Stops (a GC pause, a rebalance) freeze the
 * member: no fetch, no progress, a record in hand finishes only after the stop.
 */
final class GroupConsumer implements Node {
    /** A time span during which the member is stopped or slowed. */
    record Span(long fromNanos, long untilNanos) {
        boolean covers(long nanos) {
            return nanos >= fromNanos && nanos < untilNanos;
        }
    }

    /** The member's knobs. */
    record Settings(
            NodeId broker,
            String groupId,
            List<TopicPartition> partitions,
            long serviceNanos,
            long pollNanos,
            long ttlNanos,
            long backoffNanos,
            DeadLetters deadLetters,
            List<Span> stops,
            Span slow,
            double slowdown) {
        Settings {
            partitions = List.copyOf(partitions);
            stops = List.copyOf(stops);
        }
    }

    /** What happened to a record, and when: processed, dropped past its TTL, or sent to the dead-letter topic. */
    record Outcome(String value, Kind kind, long atNanos) {
        enum Kind {
            PROCESSED,
            EXPIRED,
            DEAD_LETTERED
        }
    }

    private record InHand(TopicPartition partition, LogRecord record) {}

    private record Poll() implements Timer {}

    private record Resume() implements Timer {}

    private record Done() implements Timer {}

    private static final int RECORDS_PER_FETCH_MAX = 100;
    private static final long FETCH_TIMEOUT_POLLS = 10;

    private final Settings settings;
    private final Map<TopicPartition, Long> nextOffsets = new TreeMap<>();
    private final Deque<InHand> queue = new ArrayDeque<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Long> requestTimes = new ArrayList<>();
    /** Fetches sent and not answered yet, by request id, with when they were sent. */
    private final Map<Long, Long> fetchesInFlight = new TreeMap<>();

    private boolean busy;
    private boolean resumeSet;
    private int failures;
    private long requestIdNext;

    GroupConsumer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        settings.partitions().forEach(tp -> nextOffsets.put(tp, 0L));
        ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new Poll());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof FetchOk ok) || fetchesInFlight.remove(ok.requestId()) == null) {
            // Not a fetch answer, or one for a fetch given up on: its records are fetched again from the same offset.
            return;
        }
        ok.records().forEach(record -> queue.add(new InHand(ok.partition(), record)));
        nextOffsets.put(ok.partition(), Math.max(nextOffsets.get(ok.partition()), ok.nextFetchOffset()));
        startNext(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Poll poll -> {
                long now = ctx.nowNanos();
                // A fetch unanswered for ten polls was lost (a fork can drop it): give it up rather than wait for ever.
                fetchesInFlight.values().removeIf(sentAt -> now - sentAt > FETCH_TIMEOUT_POLLS * settings.pollNanos());
                if (!stopped(now) && queue.isEmpty() && fetchesInFlight.isEmpty()) {
                    fetchAll(ctx);
                }
                ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new Poll());
            }
            case Resume resume -> {
                resumeSet = false;
                startNext(ctx);
            }
            case Done done -> finish(ctx);
            default -> {}
        }
    }

    private void fetchAll(NodeContext ctx) {
        for (TopicPartition tp : settings.partitions()) {
            long requestId = requestIdNext++;
            fetchesInFlight.put(requestId, ctx.nowNanos());
            request(
                    ctx,
                    new Fetch(
                            requestId,
                            tp,
                            nextOffsets.get(tp),
                            RECORDS_PER_FETCH_MAX,
                            IsolationLevel.READ_UNCOMMITTED));
        }
    }

    /** Takes the next record in hand, unless one already is or the member is stopped. */
    private void startNext(NodeContext ctx) {
        long now = ctx.nowNanos();
        while (!busy && !queue.isEmpty()) {
            if (stopped(now)) {
                resumeAfterStop(ctx);
                return;
            }
            InHand head = queue.peek();
            if (now - head.record().appendedAtNanos() > settings.ttlNanos()) {
                queue.poll();
                outcomes.add(new Outcome(head.record().value(), Outcome.Kind.EXPIRED, now));
                commit(ctx, head);
                continue;
            }
            busy = true;
            ctx.setTimer(Duration.ofNanos(serviceNanos(ctx, now)), new Done());
        }
    }

    private void finish(NodeContext ctx) {
        long now = ctx.nowNanos();
        if (stopped(now)) {
            // The process was frozen while the record was in hand: the work completes once it runs again.
            busy = false;
            resumeAfterStop(ctx);
            return;
        }
        InHand head = queue.peek();
        if (head.record().value().endsWith(SteadyClient.POISON_MARK)) {
            failures++;
            if (!settings.deadLetters().exhausted(failures)) {
                // The partition waits with the record: it is retried before anything behind it, to keep order.
                ctx.setTimer(Duration.ofNanos(settings.backoffNanos() + serviceNanos(ctx, now)), new Done());
                return;
            }
            String dlq = DeadLetters.topicFor(head.partition().topic());
            request(
                    ctx,
                    new Produce(
                            requestIdNext++,
                            new TopicPartition(dlq, 0),
                            -1,
                            (short) 0,
                            0,
                            false,
                            List.of(head.record().value())));
            outcomes.add(new Outcome(head.record().value(), Outcome.Kind.DEAD_LETTERED, now));
        } else {
            outcomes.add(new Outcome(head.record().value(), Outcome.Kind.PROCESSED, now));
        }
        queue.poll();
        failures = 0;
        busy = false;
        commit(ctx, head);
        startNext(ctx);
    }

    /** A record that was in hand during a stop is started again (its service time spent anew) when the stop ends. */
    private void resumeAfterStop(NodeContext ctx) {
        if (resumeSet) {
            return;
        }
        long now = ctx.nowNanos();
        long until = now;
        for (Span stop : settings.stops()) {
            if (stop.covers(now)) {
                until = Math.max(until, stop.untilNanos());
            }
        }
        resumeSet = true;
        ctx.setTimer(Duration.ofNanos(Math.max(1, until - now)), new Resume());
    }

    private void commit(NodeContext ctx, InHand done) {
        // A standalone commit (generation -1, no member id): membership is not what this chapter measures.
        request(
                ctx,
                new CommitOffsets(
                        requestIdNext++,
                        settings.groupId(),
                        -1,
                        "",
                        Map.of(done.partition(), done.record().offset() + 1)));
    }

    private void request(NodeContext ctx, Message message) {
        requestTimes.add(ctx.nowNanos());
        ctx.send(settings.broker(), message);
    }

    private long serviceNanos(NodeContext ctx, long now) {
        double factor = 0.5 + ctx.random().nextDouble();
        if (settings.slow() != null && settings.slow().covers(now)) {
            factor *= settings.slowdown();
        }
        return Math.max(1, (long) (settings.serviceNanos() * factor));
    }

    private boolean stopped(long nanos) {
        for (Span stop : settings.stops()) {
            if (stop.covers(nanos)) {
                return true;
            }
        }
        return false;
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** When this member sent each request to the broker: input to the broker's derived busy time. */
    List<Long> requestTimes() {
        return List.copyOf(requestTimes);
    }
}
