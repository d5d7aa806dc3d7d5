package sdlab.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import sdlab.repl.ReplMessages.WriteUnknown;
import sdlab.repl.ReplTimers.RequestTimeout;

/**
 * A client process: {@code write} (key, value) goes to the primary, {@code read} (key) to the node the settings
 * name. Each operation ends ok, failed (refused: certainly not applied) or unknown (no answer in time, or a primary
 * that stepped down before acknowledging: a write may have committed, or not). With read-your-writes on, a read waits at its node for the position of this client's
 * last acknowledged write.
 *
 * <p>With alternates, the client treats the primary and its alternates as a multi-host connection string does
 * (libpq's {@code host=a,b}, MySQL Connector/J's failover URL): when the node it talks to does not answer in time, or
 * refuses without naming another, its next operation goes to the next node in the list, round and round. The
 * operation that timed out still ends unknown: the client does not send it twice. With a failback time, a client
 * that has turned away from its first node goes back to it once that time has passed since it turned away, as
 * Connector/J does after {@code secondsBeforeRetrySource}; if the first node is still down, that operation times out
 * and the client turns away again.
 *
 * <p>With hints followed, a write refused by a node that names the primary (a replica naming its source) goes on to
 * that node within the same operation, as a driver follows a "not the primary" answer: a refusal means the write was
 * certainly not applied, so sending it on cannot apply it twice. At most as many hops as there are hosts, so two
 * nodes naming each other cannot keep it going; past that, or with no hint, the refusal ends the operation.
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
     * @param alternates where to turn, in order, when the node in use does not answer (none: stay with it)
     * @param failbackNanos how long after turning to an alternate the client tries its first node again (0: never)
     * @param followHints whether the client seeks the primary, as a driver asked for a read-write session does
     *     (libpq's {@code target_session_attrs=read-write}): its reads, like its writes, are for the primary, and
     *     either refused with the primary's name goes on to it in the same operation. Without it, reads are served
     *     by whichever node the client talks to, from what that node has applied.
     */
    public record Settings(
            NodeId primary,
            NodeId readFrom,
            long timeoutNanos,
            boolean readYourWrites,
            long readWaitNanos,
            List<NodeId> alternates,
            long failbackNanos,
            boolean followHints) {
        public Settings {
            Objects.requireNonNull(primary, "primary");
            alternates = List.copyOf(alternates);
            if (timeoutNanos <= 0 || readWaitNanos < 0 || failbackNanos < 0) {
                throw new IllegalArgumentException(
                        "the timeout must be positive, the read wait and the failback time not negative");
            }
            if (alternates.contains(primary)) {
                throw new IllegalArgumentException(primary + " is the primary, not an alternate");
            }
        }

        /** A client without alternates. */
        public Settings(
                NodeId primary, NodeId readFrom, long timeoutNanos, boolean readYourWrites, long readWaitNanos) {
            this(primary, readFrom, timeoutNanos, readYourWrites, readWaitNanos, List.of(), 0, false);
        }

        /**
         * These settings, turning to {@code others} in order when the node in use does not answer, and back to the
         * first node {@code failbackNanos} after turning away from it (0: never).
         */
        public Settings withAlternates(List<NodeId> others, long failbackNanos) {
            return new Settings(
                    primary, readFrom, timeoutNanos, readYourWrites, readWaitNanos, others, failbackNanos, followHints);
        }

        /** These settings, seeking the primary: reads and writes for it, a refusal naming it followed at once. */
        public Settings withHintsFollowed() {
            return new Settings(
                    primary, readFrom, timeoutNanos, readYourWrites, readWaitNanos, alternates, failbackNanos, true);
        }

        /** Reads and writes at {@code primary}, no read-your-writes. */
        public static Settings atPrimary(NodeId primary, long timeoutNanos) {
            return new Settings(primary, null, timeoutNanos, false, 0);
        }
    }

    private final Settings settings;
    /** The primary and its alternates, in the order the client turns to them. */
    private final List<NodeId> hosts;

    private NodeId primary;
    /** When the client last turned away from its first node (meaningful only while it is away). */
    private long turnedAwayAtNanos;

    private long lastWrittenPosition;
    private long currentOp = -1;
    private String currentKey;
    private String currentValue;
    /** Refusals the current write has followed on to the node they named. */
    private int hintsFollowed;

    private TimerId currentTimer;

    public ReplClient(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.primary = settings.primary();
        this.hosts = new ArrayList<>(List.of(settings.primary()));
        this.hosts.addAll(settings.alternates());
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        assert currentOp < 0 : "a process runs one operation at a time";
        currentOp = invocation.opId();
        hintsFollowed = 0;
        failBackIfDue(ctx);
        currentTimer = ctx.setTimer(Duration.ofNanos(settings.timeoutNanos()), new RequestTimeout(currentOp));
        switch (invocation.f()) {
            case WRITE -> {
                currentKey = invocation.key();
                currentValue = String.valueOf(invocation.value());
                ctx.send(primary, new Write(currentOp, invocation.key(), currentValue));
            }
            case READ -> {
                currentKey = invocation.key();
                NodeId target = settings.readFrom() == null ? primary : settings.readFrom();
                ctx.send(target, read());
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
                if (followable(refused.primaryHint(), from)) {
                    hintsFollowed++;
                    primary = refused.primaryHint();
                    ctx.send(primary, new Write(currentOp, currentKey, currentValue));
                    return;
                }
                if (refused.primaryHint() != null) {
                    primary = refused.primaryHint();
                } else {
                    turnToNextHost(ctx);
                }
                finish(Outcome.fail(refused.reason()), ctx);
            }
            case WriteUnknown unknown
            when unknown.requestId() == currentOp -> {
                // Never followed like a refusal: writing again where the hint points could apply the write twice.
                if (unknown.primaryHint() != null) {
                    primary = unknown.primaryHint();
                }
                finish(Outcome.unknown(unknown.reason()), ctx);
            }
            case ReadOk ok when ok.requestId() == currentOp -> finish(Outcome.ok(ok.value()), ctx);
            case ReadRefused refused
            when refused.requestId() == currentOp -> {
                if (followable(refused.primaryHint(), from)) {
                    hintsFollowed++;
                    primary = refused.primaryHint();
                    ctx.send(primary, read());
                    return;
                }
                // Not taken as news without following it: a replica names its old source, while a client that was
                // just told of a new primary may have asked it before its promotion arrived.
                finish(Outcome.fail(refused.reason()), ctx);
            }
            default -> {} // a late answer to an operation that already timed out
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof RequestTimeout expired && expired.opId() == currentOp) {
            currentTimer = null;
            turnToNextHost(ctx);
            finish(Outcome.unknown("no answer within " + settings.timeoutNanos() / 1_000_000 + " ms"), ctx);
        }
    }

    private boolean followable(NodeId primaryHint, NodeId from) {
        return settings.followHints()
                && primaryHint != null
                && !primaryHint.equals(from)
                && hintsFollowed < hosts.size();
    }

    /**
     * The current read: for the primary when the client seeks it and the settings name no node to read from, so that
     * a node that is not the primary refuses it instead of answering with what it has applied.
     */
    private Read read() {
        long minPosition = settings.readYourWrites() ? lastWrittenPosition : 0;
        boolean forThePrimary = settings.followHints() && settings.readFrom() == null;
        return new Read(currentOp, currentKey, minPosition, settings.readWaitNanos(), forThePrimary);
    }

    /** With alternates, the next operation goes to the node after the one in use; without, nothing changes. */
    private void turnToNextHost(ClientContext ctx) {
        if (hosts.size() > 1) {
            if (primary.equals(hosts.getFirst())) {
                turnedAwayAtNanos = ctx.nowNanos();
            }
            int at = hosts.indexOf(primary);
            primary = hosts.get((at + 1) % hosts.size());
        }
    }

    /** Back to the first node, if the client is away from it and the failback time has passed. */
    private void failBackIfDue(ClientContext ctx) {
        if (settings.failbackNanos() > 0
                && hosts.size() > 1
                && !primary.equals(hosts.getFirst())
                && ctx.nowNanos() - turnedAwayAtNanos >= settings.failbackNanos()) {
            primary = hosts.getFirst();
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
