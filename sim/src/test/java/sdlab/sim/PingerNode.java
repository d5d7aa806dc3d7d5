package sdlab.sim;

import java.time.Duration;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** Sends {@code count} pings to {@code target}, one every {@code interval}, and logs what comes back. */
final class PingerNode implements Node {

    private final NodeId target;
    private final int count;
    private final Duration interval;
    private final List<Received> log;

    PingerNode(NodeId target, int count, Duration interval, List<Received> log) {
        this.target = target;
        this.count = count;
        this.interval = interval;
        this.log = log;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (count > 0) {
            ctx.send(target, new TestMessages.Ping(0));
        }
        if (count > 1) {
            ctx.setTimer(interval, new TestMessages.Tick(1));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        int n = ((TestMessages.Tick) timer).n();
        ctx.send(target, new TestMessages.Ping(n));
        if (n + 1 < count) {
            ctx.setTimer(interval, new TestMessages.Tick(n + 1));
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        log.add(new Received(ctx.nowNanos(), ctx.self(), from, message));
    }
}
