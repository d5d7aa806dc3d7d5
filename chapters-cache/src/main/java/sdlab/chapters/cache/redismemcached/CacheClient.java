package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import sdlab.chapters.cache.redismemcached.ServerMessage.Get;
import sdlab.chapters.cache.redismemcached.ServerMessage.Hit;
import sdlab.chapters.cache.redismemcached.ServerMessage.Miss;
import sdlab.chapters.cache.redismemcached.ServerMessage.Refused;
import sdlab.chapters.cache.redismemcached.ServerMessage.Request;
import sdlab.chapters.cache.redismemcached.ServerMessage.RequestTimeout;
import sdlab.chapters.cache.redismemcached.ServerMessage.Response;
import sdlab.chapters.cache.redismemcached.ServerMessage.Set;
import sdlab.chapters.cache.redismemcached.ServerMessage.Stored;
import sdlab.chapters.cache.redismemcached.WireProtocol.Frame;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A client process of chapter 11: it encodes each GET or SET in the node's wire protocol, sends
 * it, and waits a bounded time for the answer. It counts the bytes that crossed the wire and the
 * bytes the node had to scan, which the run reads back from it afterwards.
 *
 * <p>An operation whose answer does not come in time (the node crashed) completes as unknown: the
 * write may have been applied, or not. A late answer to it is ignored.
 */
final class CacheClient implements Client {
    static final String GET = "get";
    static final String SET = "set";

    private final NodeId server;
    private final WireProtocol protocol;
    private final int valueBytes;
    private final Duration timeout;
    private final WireTally tally = new WireTally();

    private long currentOp = -1;
    private TimerId currentTimer;

    CacheClient(NodeId server, WireProtocol protocol, int valueBytes, Duration timeout) {
        this.server = server;
        this.protocol = protocol;
        this.valueBytes = valueBytes;
        this.timeout = timeout;
    }

    /** What this client sent and received so far. */
    WireTally tally() {
        return tally;
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        assert currentOp < 0 : "a process runs one operation at a time";
        String key = invocation.key();
        long id = invocation.opId();
        Request request =
                switch (invocation.f()) {
                    case GET -> {
                        Frame frame = protocol.get(key);
                        yield new Get(id, key, frame.length(), frame.scannedBytes());
                    }
                    case SET -> {
                        Frame frame = protocol.set(key, DataSet.valueOf(key, valueBytes));
                        yield new Set(id, key, valueBytes, frame.length(), frame.scannedBytes());
                    }
                    default ->
                        throw new IllegalArgumentException("a cache client runs get and set, not " + invocation.f());
                };
        currentOp = id;
        currentTimer = ctx.setTimer(timeout, new RequestTimeout(currentOp));
        tally.sent(request);
        ctx.send(server, request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof Response response) || response.requestId() != currentOp) {
            return; // a late answer to an operation that already timed out
        }
        ctx.cancelTimer(currentTimer);
        tally.received(response);
        finish(
                ctx,
                switch (response) {
                    case Stored stored -> Outcome.ok("OK");
                    case Hit hit -> Outcome.ok("hit");
                    case Miss miss -> Outcome.ok(null);
                    case Refused refused -> Outcome.fail("refused");
                });
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof RequestTimeout expired && expired.requestId() == currentOp) {
            finish(ctx, Outcome.unknown("no answer within " + timeout.toMillis() + " ms"));
        }
    }

    private void finish(ClientContext ctx, Outcome outcome) {
        long op = currentOp;
        currentOp = -1;
        ctx.complete(op, outcome);
    }
}
