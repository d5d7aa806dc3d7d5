package sdlab.chapters.txlog.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * A client that sends one record every interval whatever happens downstream (open loop: it never waits for a
 * consumer), always to the same partition, as a keyed producer does. It writes down when it sent each record: that
 * history, not any counter of the log's, is what end-to-end latency is measured from.
 */
final class SteadyClient implements Node {
    /** The client's knobs; poison records are drawn with {@code poisonShare} between the two times. */
    record Settings(
            NodeId broker,
            String name,
            TopicPartition partition,
            long intervalNanos,
            long stopAtNanos,
            double poisonShare,
            long poisonFromNanos,
            long poisonUntilNanos) {}

    /** One record sent: its value (unique per run) and the client's clock when it sent it. */
    record Sent(String value, long atNanos) {}

    private record Send() implements Timer {}

    static final String POISON_MARK = "!poison";

    private final Settings settings;
    private final List<Sent> sent = new ArrayList<>();
    private long sequence;

    SteadyClient(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        // Clients start out of step, as real ones do, so the topic sees a steady stream and not bursts.
        long phase = (long) (ctx.random().nextDouble() * settings.intervalNanos());
        ctx.setTimer(Duration.ofNanos(phase), new Send());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        // Acknowledgements are not needed: latency runs from the send to the consumer finishing the record.
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        long now = ctx.nowNanos();
        if (now >= settings.stopAtNanos()) {
            return;
        }
        boolean poisonTime = now >= settings.poisonFromNanos() && now < settings.poisonUntilNanos();
        boolean poison = poisonTime && ctx.random().nextDouble() < settings.poisonShare();
        String value = settings.name() + "-" + sequence + (poison ? POISON_MARK : "");
        ctx.send(
                settings.broker(),
                new Produce(sequence, settings.partition(), -1, (short) 0, 0, false, List.of(value)));
        sent.add(new Sent(value, now));
        sequence++;
        ctx.setTimer(Duration.ofNanos(settings.intervalNanos()), new Send());
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }
}
