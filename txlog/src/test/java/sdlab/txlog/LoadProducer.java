package sdlab.txlog;

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
import sdlab.txlog.TxLogMessages.Produce;
import sdlab.txlog.TxLogMessages.ProduceOk;
import sdlab.txlog.TxLogMessages.ProduceRefused;

/**
 * A test producer for a group of brokers: one new record ("v0", "v1", ...) every {@code intervalMs} until
 * {@code stopAtMs}, many in flight, each sent to the broker it believes leads and, when refused or unanswered for
 * {@code TIMEOUT_MS}, sent again to the next broker, as a client that refreshes its metadata does. It remembers every
 * acknowledgement: the value and the offset it was told.
 */
final class LoadProducer implements Node {
    static final long TIMEOUT_MS = 30;
    static final int IN_FLIGHT_MAX = 1000;

    private record Tick() implements Timer {}

    private record Resend(long requestId, long attempt, boolean timedOut) implements Timer {}

    private final List<NodeId> brokers;
    private final TopicPartition partition;
    private final Acks acks;
    private final long intervalMs;
    private final long stopAtMs;
    private final Map<Long, Long> attemptByRequest = new TreeMap<>();
    /** Every acknowledged value and the offset its first acknowledgement gave. */
    final Map<String, Long> acknowledged = new TreeMap<>();
    /** From each record's first send to its first acknowledgement, in nanoseconds of virtual time, in ack order. */
    final List<Long> ackLatenciesNanos = new ArrayList<>();

    private final Map<Long, Long> firstSentNanos = new TreeMap<>();

    private int target;
    private long next;

    LoadProducer(List<NodeId> brokers, TopicPartition partition, Acks acks, long intervalMs, long stopAtMs) {
        this.brokers = List.copyOf(brokers);
        this.partition = partition;
        this.acks = acks;
        this.intervalMs = intervalMs;
        this.stopAtMs = stopAtMs;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofMillis(intervalMs), new Tick());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case ProduceOk ok
            when attemptByRequest.remove(ok.requestId()) != null -> {
                acknowledged.putIfAbsent(value(ok.requestId()), ok.baseOffset());
                ackLatenciesNanos.add(ctx.nowNanos() - firstSentNanos.remove(ok.requestId()));
            }
            case ProduceRefused refused
            when attemptByRequest.containsKey(refused.requestId()) -> {
                if (from.equals(brokers.get(target))) {
                    target = (target + 1) % brokers.size();
                }
                resendSoon(refused.requestId(), ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Tick tick -> {
                if (ctx.nowNanos() < stopAtMs * 1_000_000L && attemptByRequest.size() < IN_FLIGHT_MAX) {
                    send(next++, ctx);
                }
                if (ctx.nowNanos() < stopAtMs * 1_000_000L) {
                    ctx.setTimer(Duration.ofMillis(intervalMs), tick);
                }
            }
            case Resend resend
            when attemptByRequest.getOrDefault(resend.requestId(), -1L) == resend.attempt() -> {
                if (resend.timedOut()) {
                    // Unanswered: the broker may be gone; try the next one.
                    target = (target + 1) % brokers.size();
                }
                send(resend.requestId(), ctx);
            }
            default -> {}
        }
    }

    private void send(long requestId, NodeContext ctx) {
        long attempt = attemptByRequest.merge(requestId, 1L, Long::sum);
        firstSentNanos.putIfAbsent(requestId, ctx.nowNanos());
        ctx.send(
                brokers.get(target),
                new Produce(requestId, partition, -1, (short) 0, 0, false, List.of(value(requestId)), acks));
        ctx.setTimer(Duration.ofMillis(TIMEOUT_MS), new Resend(requestId, attempt, true));
    }

    private void resendSoon(long requestId, NodeContext ctx) {
        long attempt = attemptByRequest.merge(requestId, 1L, Long::sum);
        ctx.setTimer(Duration.ofMillis(5), new Resend(requestId, attempt, false));
    }

    static String value(long requestId) {
        return "v" + requestId;
    }
}
