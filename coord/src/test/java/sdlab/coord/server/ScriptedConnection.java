package sdlab.coord.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;

/**
 * A test's client connection in the simulator: at given times it sends given messages to a
 * server, and it keeps everything the servers send back, in order, for the test to read.
 */
final class ScriptedConnection implements Client {
    /** Send {@code message} to {@code server} at {@code at}. */
    record Step(Duration at, NodeId server, ClientMessages.ToServer message) {}

    private record Due(int step) implements Timer {}

    private final List<Step> steps;
    final List<Message> received = new ArrayList<>();

    ScriptedConnection(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public void onStart(ClientContext ctx) {
        for (int i = 0; i < steps.size(); i++) {
            ctx.setTimer(steps.get(i).at(), new Due(i));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof Due due) {
            Step step = steps.get(due.step());
            ctx.send(step.server(), step.message());
        }
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {}

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        received.add(message);
    }
}
