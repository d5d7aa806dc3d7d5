package sdlab.sim;

import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/** Records every message it receives into a shared log and answers each Ping with a Pong. */
final class EchoNode implements Node {

    private final List<Received> log;

    EchoNode(List<Received> log) {
        this.log = log;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        log.add(new Received(ctx.nowNanos(), ctx.self(), from, message));
        if (message instanceof TestMessages.Ping ping) {
            ctx.send(from, new TestMessages.Pong(ping.n()));
        }
    }
}
