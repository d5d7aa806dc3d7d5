package sdlab.repl;

import java.time.Duration;
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
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.LagProbe;
import sdlab.repl.ReplMessages.LagReport;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplMessages.ReplicaAdded;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteOk;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplMessages.WriteUnknown;
import sdlab.repl.ReplTimers.LagProbeDue;
import sdlab.repl.ReplTimers.RequestTimeout;

/**
 * A client process with a read balancer in it: writes go to the primary, reads where its {@link ReadRouter} says. A
 * read that a replica refuses (still loading a snapshot, or a read-your-writes wait that timed out) goes to the
 * primary instead, which has applied every write it acknowledged. Under {@link ReadPolicy#LAG_AWARE} it polls its
 * replicas' lag. Each operation ends ok, failed or unknown, as {@link ReplClient}'s do.
 */
public final class RoutedReplClient implements Client {
    /**
     * @param primary where writes go, and reads that fall back
     * @param replicas the replicas in the pool at the start ({@link ReplicaAdded} adds more)
     * @param policy how reads are balanced
     * @param timeoutNanos how long an operation waits for its answer
     * @param lagBoundNanos {@link ReadPolicy#LAG_AWARE}'s bound
     * @param probeNanos how often {@link ReadPolicy#LAG_AWARE} polls the replicas' lag
     * @param readWaitNanos {@link ReadPolicy#READ_YOUR_WRITES}: how long a replica may hold a read for its position
     * @param ewmaWeight {@link ReadPolicy#LEAST_LATENCY}'s weight of the newest latency
     * @param bug a planted balancer bug, or {@link Bug#NONE}
     */
    public record Settings(
            NodeId primary,
            List<NodeId> replicas,
            ReadPolicy policy,
            long timeoutNanos,
            long lagBoundNanos,
            long probeNanos,
            long readWaitNanos,
            double ewmaWeight,
            Bug bug) {
        public Settings {
            Objects.requireNonNull(primary, "primary");
            replicas = List.copyOf(replicas);
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(bug, "bug");
            if (timeoutNanos <= 0 || probeNanos <= 0 || readWaitNanos < 0 || lagBoundNanos < 0) {
                throw new IllegalArgumentException(
                        "timeout and poll must be positive, the bound and wait not negative");
            }
        }
    }

    private final Settings settings;
    private final ReadRouteObserver observer;
    private final ReadRouter router;
    private long lastWrittenPosition;
    private long probeRound;
    private long currentOp = -1;
    private String currentValue;
    private TimerId currentTimer;
    private NodeId firstTarget;
    private NodeId askedNow;
    private long invokedNanos;
    private long sentNanos;
    private boolean fellBack;

    public RoutedReplClient(Settings settings, ReadRouteObserver observer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.router = new ReadRouter(
                settings.policy(),
                settings.replicas(),
                settings.lagBoundNanos(),
                settings.ewmaWeight(),
                settings.bug());
    }

    @Override
    public void onStart(ClientContext ctx) {
        if (settings.policy() == ReadPolicy.LAG_AWARE) {
            ctx.setTimer(Duration.ofNanos(settings.probeNanos()), new LagProbeDue());
        }
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        currentOp = invocation.opId();
        invokedNanos = ctx.nowNanos();
        currentTimer = ctx.setTimer(Duration.ofNanos(settings.timeoutNanos()), new RequestTimeout(currentOp));
        switch (invocation.f()) {
            case ReplClient.WRITE -> {
                currentValue = String.valueOf(invocation.value());
                askedNow = settings.primary();
                ctx.send(settings.primary(), new Write(currentOp, invocation.key(), currentValue));
            }
            case ReplClient.READ -> {
                currentValue = invocation.key();
                fellBack = false;
                firstTarget = router.choose(settings.primary());
                ask(firstTarget, ctx);
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
            case ReplicaAdded added -> router.add(added.replica());
            case LagReport report -> router.lagReported(from, report.ready(), report.lagNanos());
            case WriteOk ok
            when ok.requestId() == currentOp -> {
                lastWrittenPosition = Math.max(lastWrittenPosition, ok.position());
                finish(Outcome.ok(currentValue), ctx);
            }
            case WriteRefused refused
            when refused.requestId() == currentOp -> finish(Outcome.fail(refused.reason()), ctx);
            case WriteUnknown unknown
            when unknown.requestId() == currentOp -> finish(Outcome.unknown(unknown.reason()), ctx);
            case ReadOk ok
            when ok.requestId() == currentOp && from.equals(askedNow) -> {
                router.observed(from, ctx.nowNanos() - sentNanos);
                observer.read(ctx.self(), firstTarget, from, invokedNanos, ctx.nowNanos(), fellBack);
                finish(Outcome.ok(ok.value()), ctx);
            }
            case ReadRefused refused
            when refused.requestId() == currentOp && from.equals(askedNow) -> {
                router.observed(from, ctx.nowNanos() - sentNanos);
                if (from.equals(settings.primary())) {
                    finish(Outcome.fail(refused.reason()), ctx);
                } else {
                    fellBack = true;
                    ask(settings.primary(), ctx);
                }
            }
            default -> {} // a late answer to an operation that already ended
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof RequestTimeout expired && expired.opId() == currentOp) {
            currentTimer = null;
            finish(Outcome.unknown("no answer within " + settings.timeoutNanos() / 1_000_000 + " ms"), ctx);
        } else if (timer instanceof LagProbeDue) {
            probeRound++;
            router.replicas().forEach(replica -> ctx.send(replica, new LagProbe(probeRound)));
            ctx.setTimer(Duration.ofNanos(settings.probeNanos()), new LagProbeDue());
        }
    }

    /** The balancer's state, for tests. */
    public ReadRouter router() {
        return router;
    }

    private void ask(NodeId node, ClientContext ctx) {
        askedNow = node;
        sentNanos = ctx.nowNanos();
        boolean waits = settings.policy() == ReadPolicy.READ_YOUR_WRITES && !node.equals(settings.primary());
        long minPosition = settings.policy() == ReadPolicy.READ_YOUR_WRITES ? lastWrittenPosition : 0;
        ctx.send(node, new Read(currentOp, currentValue, minPosition, waits ? settings.readWaitNanos() : 0, false));
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
