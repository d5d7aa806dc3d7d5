package sdlab.repl;

import java.time.Duration;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.repl.ReplMessages.NewPrimary;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteOk;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplTimers.RequestTimeout;

/**
 * A client process: {@code write} (key, value) goes to the primary, {@code read} (key) to the node the settings
 * name. Each operation ends ok, failed (refused: certainly not applied) or unknown (no answer in time: a write may
 * have committed, or not). With read-your-writes on, a read waits at its node for the position of this client's
 * last acknowledged write.
 */
public final class ReplClient implements Client {
    /** The operation names a workload uses. */
    public static final String WRITE = "write";

    public static final String READ = "read";

    /**
     * Where and how a client talks to the store.
     *
     * @param primary where writes go (until a {@link NewPrimary} or a refusal's hint says otherwise)
     * @param readFrom where reads go; null for the primary
     * @param timeoutNanos how long an operation waits for its answer
     * @param readYourWrites whether a read waits for this client's last acknowledged write
     * @param readWaitNanos how long a node may hold a read for its position (below {@code timeoutNanos})
     */
    public record Settings(
            NodeId primary, NodeId readFrom, long timeoutNanos, boolean readYourWrites, long readWaitNanos) {
        public Settings {
            Objects.requireNonNull(primary, "primary");
            if (timeoutNanos <= 0 || readWaitNanos < 0) {
                throw new IllegalArgumentException("the timeout must be positive and the read wait not negative");
            }
        }

        /** Reads and writes at {@code primary}, no read-your-writes. */
        public static Settings atPrimary(NodeId primary, long timeoutNanos) {
            return new Settings(primary, null, timeoutNanos, false, 0);
        }
    }

    private final Settings settings;
    private NodeId primary;
    private long lastWrittenPosition;
    private long currentOp = -1;
    private String currentValue;
    private TimerId currentTimer;

    public ReplClient(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.primary = settings.primary();
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        assert currentOp < 0 : "a process runs one operation at a time";
        currentOp = invocation.opId();
        currentTimer = ctx.setTimer(Duration.ofNanos(settings.timeoutNanos()), new RequestTimeout(currentOp));
        switch (invocation.f()) {
            case WRITE -> {
                currentValue = String.valueOf(invocation.value());
                ctx.send(primary, new Write(currentOp, invocation.key(), currentValue));
            }
            case READ -> {
                NodeId target = settings.readFrom() == null ? primary : settings.readFrom();
                long minPosition = settings.readYourWrites() ? lastWrittenPosition : 0;
                ctx.send(target, new Read(currentOp, invocation.key(), minPosition, settings.readWaitNanos()));
            }
            default ->
                throw new IllegalArgumentException("a replication client runs write and read, not " + invocation.f());
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof ReplMessages reply)) {
            return;
        }
        switch (reply) {
            case NewPrimary next -> primary = next.primary();
            case WriteOk ok
            when ok.requestId() == currentOp -> {
                lastWrittenPosition = Math.max(lastWrittenPosition, ok.position());
                finish(Outcome.ok(currentValue), ctx);
            }
            case WriteRefused refused
            when refused.requestId() == currentOp -> {
                if (refused.primaryHint() != null) {
                    primary = refused.primaryHint();
                }
                finish(Outcome.fail(refused.reason()), ctx);
            }
            case ReadOk ok when ok.requestId() == currentOp -> finish(Outcome.ok(ok.value()), ctx);
            case ReadRefused refused
            when refused.requestId() == currentOp -> finish(Outcome.fail(refused.reason()), ctx);
            default -> {} // a late answer to an operation that already timed out
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof RequestTimeout expired && expired.opId() == currentOp) {
            currentTimer = null;
            finish(Outcome.unknown("no answer within " + settings.timeoutNanos() / 1_000_000 + " ms"), ctx);
        }
    }

    /** The position of this client's last acknowledged write (0 before any). */
    public long lastWrittenPosition() {
        return lastWrittenPosition;
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        if (currentTimer != null) {
            ctx.cancelTimer(currentTimer);
        }
        long op = currentOp;
        currentOp = -1;
        ctx.complete(op, outcome);
    }
}
