package sdlab.chapters.cache.warmup;

import java.time.Duration;
import sdlab.chapters.cache.warmup.WarmupMessage.Failed;
import sdlab.chapters.cache.warmup.WarmupMessage.FromCache;
import sdlab.chapters.cache.warmup.WarmupMessage.FromDatabase;
import sdlab.chapters.cache.warmup.WarmupMessage.Read;
import sdlab.chapters.cache.warmup.WarmupMessage.RequestTimeout;
import sdlab.chapters.cache.warmup.WarmupMessage.Write;
import sdlab.chapters.cache.warmup.WarmupMessage.Written;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A user of chapter 13's service: one request at a time, answered or given up after a timeout. A
 * read's outcome in the history says where the answer came from: {@value #FROM_CACHE}, {@value
 * #FROM_DATABASE_COLD} (the record had not been cached since the deploy) or {@value
 * #FROM_DATABASE}.
 */
final class WarmupClient implements Client {
    static final String READ = "read";
    static final String WRITE = "write";
    static final String FROM_CACHE = "cache";
    static final String FROM_DATABASE_COLD = "database, cold";
    static final String FROM_DATABASE = "database";

    private final Duration timeout;
    private long currentOp = -1;
    private TimerId currentTimer;

    WarmupClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        assert currentOp < 0 : "a process runs one operation at a time";
        currentOp = invocation.opId();
        WarmupMessage request =
                switch (invocation.f()) {
                    case READ -> new Read(currentOp, invocation.key());
                    case WRITE -> new Write(currentOp, invocation.key());
                    default -> throw new IllegalArgumentException("users read and write, not " + invocation.f());
                };
        currentTimer = ctx.setTimer(timeout, new RequestTimeout(currentOp));
        ctx.send(ServiceNode.ID, request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        Outcome outcome =
                switch ((WarmupMessage) message) {
                    case FromCache hit when hit.requestId() == currentOp -> Outcome.ok(FROM_CACHE);
                    case FromDatabase miss
                    when miss.requestId() == currentOp -> Outcome.ok(miss.cold() ? FROM_DATABASE_COLD : FROM_DATABASE);
                    case Written written when written.requestId() == currentOp -> Outcome.ok(written.version());
                    case Failed failed when failed.requestId() == currentOp -> Outcome.fail(failed.reason());
                    default -> null; // a late answer to a request that already timed out
                };
        if (outcome != null) {
            ctx.cancelTimer(currentTimer);
            finish(ctx, outcome);
        }
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
