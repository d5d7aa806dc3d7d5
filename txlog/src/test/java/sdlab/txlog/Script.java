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

/** A test client: sends each request to the broker at its time and keeps every answer, in order. */
final class Script implements Node {
    /** Send {@code request} at {@code atMs} of virtual time. */
    record Step(long atMs, Message request) implements Timer {}

    private final List<Step> steps;
    final List<TxLogMessages.Response> answers = new ArrayList<>();
    final List<GroupMessages.Response> groupAnswers = new ArrayList<>();

    Script(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        steps.forEach(step -> ctx.setTimer(Duration.ofMillis(step.atMs()), step));
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof TxLogMessages.Response response) {
            answers.add(response);
        } else if (message instanceof GroupMessages.Response response) {
            groupAnswers.add(response);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Step step) {
            ctx.send(TxWorld.BROKER, step.request());
        }
    }

    /** The group coordinator's answer to request {@code requestId}. */
    GroupMessages.Response groupAnswer(long requestId) {
        return groupAnswers.stream()
                .filter(a -> a.requestId() == requestId)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no group answer to request " + requestId + " in " + groupAnswers));
    }

    /** The answer to request {@code requestId}. */
    TxLogMessages.Response answer(long requestId) {
        return answers.stream()
                .filter(a -> TxWorld.requestId(a) == requestId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no answer to request " + requestId + " in " + answers));
    }
}
