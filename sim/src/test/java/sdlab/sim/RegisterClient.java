package sdlab.sim;

import java.time.Duration;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * Performs "write" and "read" against one {@link RegisterNode}; gives up after a timeout with
 * an unknown outcome; "fail" operations fail at once without a message (certainly not applied).
 */
final class RegisterClient implements Client {

    record Timeout(long opId) implements Timer {}

    private final NodeId server;
    private final Duration timeout;
    private Invocation open;
    private TimerId timer;

    RegisterClient(NodeId server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        switch (invocation.f()) {
            case "write" -> ctx.send(server, new TestMessages.Put(invocation.key(), (Long) invocation.value()));
            case "read" -> ctx.send(server, new TestMessages.Get(invocation.key()));
            default -> {
                ctx.complete(invocation.opId(), Outcome.fail("unsupported: " + invocation.f()));
                return;
            }
        }
        open = invocation;
        timer = ctx.setTimer(timeout, new Timeout(invocation.opId()));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        Object value =
                switch (message) {
                    case TestMessages.PutOk ok -> ok.value();
                    case TestMessages.GetOk ok -> ok.value();
                    default -> null;
                };
        if (open != null && (message instanceof TestMessages.PutOk || message instanceof TestMessages.GetOk)) {
            ctx.cancelTimer(timer);
            long opId = open.opId();
            open = null;
            ctx.complete(opId, Outcome.ok(value));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (open != null && timer instanceof Timeout timeoutTimer && timeoutTimer.opId() == open.opId()) {
            open = null;
            ctx.complete(timeoutTimer.opId(), Outcome.unknown("timeout"));
        }
    }
}
