package sdlab.txlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** A test client for a group of brokers: sends each request to its broker at its time and keeps every answer, timed. */
final class TargetedScript implements Node {
    /** Send {@code request} to {@code to} at {@code atMs} of virtual time. */
    record Step(long atMs, NodeId to, Message request) implements Timer {}

    /** An answer and when it came. */
    record Answer(TxLogMessages.Response response, long atNanos) {}

    private final List<Step> steps;
    final List<Answer> answers = new ArrayList<>();

    TargetedScript(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        steps.forEach(step -> ctx.setTimer(Duration.ofMillis(step.atMs()), step));
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof TxLogMessages.Response response) {
            answers.add(new Answer(response, ctx.nowNanos()));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Step step) {
            ctx.send(step.to(), step.request());
        }
    }

    /** The answer to request {@code requestId}. */
    Answer answer(long requestId) {
        return answers.stream()
                .filter(a -> TxWorld.requestId(a.response()) == requestId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no answer to request " + requestId + " in " + answers));
    }

    boolean answered(long requestId) {
        return answers.stream().anyMatch(a -> TxWorld.requestId(a.response()) == requestId);
    }
}
