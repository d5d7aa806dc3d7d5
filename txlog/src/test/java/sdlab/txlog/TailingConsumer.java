package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.FetchRefused;

/**
 * A test consumer that tails one partition at read_uncommitted every {@code POLL_MS}, asking the broker it believes
 * leads and moving to the next broker on a refusal or a silence. It keeps every record it was given, by offset, and
 * counts those at or above the high watermark of the answer that carried them.
 */
final class TailingConsumer implements Node {
    static final long POLL_MS = 3;

    private record Poll(long attempt) implements Timer {}

    private final List<NodeId> brokers;
    private final TopicPartition partition;
    final Map<Long, String> seen = new TreeMap<>();
    int aboveHighWatermark;
    private int target;
    private long position;
    private long attempt;

    TailingConsumer(List<NodeId> brokers, TopicPartition partition) {
        this.brokers = List.copyOf(brokers);
        this.partition = partition;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        poll(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case FetchOk ok
            when ok.requestId() == attempt -> {
                for (LogRecord record : ok.records()) {
                    seen.putIfAbsent(record.offset(), record.value());
                    if (record.offset() >= ok.highWatermark()) {
                        aboveHighWatermark++;
                    }
                }
                position = Math.max(position, ok.nextFetchOffset());
                later(ctx);
            }
            case FetchRefused refused
            when refused.requestId() == attempt -> {
                target = (target + 1) % brokers.size();
                later(ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Poll poll && poll.attempt() == attempt) {
            if (poll.attempt() % 2 == 1) {
                target = (target + 1) % brokers.size(); // an unanswered fetch: try the next broker
            }
            poll(ctx);
        }
    }

    private void poll(NodeContext ctx) {
        attempt += attempt % 2 == 0 ? 1 : 2; // odd attempts are fetches in flight
        ctx.send(brokers.get(target), new Fetch(attempt, partition, position, 1000, IsolationLevel.READ_UNCOMMITTED));
        ctx.setTimer(Duration.ofMillis(LoadProducer.TIMEOUT_MS), new Poll(attempt));
    }

    private void later(NodeContext ctx) {
        attempt++; // even: a pause between fetches
        ctx.setTimer(Duration.ofMillis(POLL_MS), new Poll(attempt));
    }
}
