package sdlab.repl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplMessages.JoinFrom;
import sdlab.repl.ReplMessages.LagProbe;
import sdlab.repl.ReplMessages.LagReport;
import sdlab.repl.ReplMessages.ReplicaAdded;
import sdlab.repl.ReplTimers.LagProbeDue;

/**
 * An operator that adds a read replica: at the set time it tells the empty node to join the primary from a snapshot,
 * then polls it and puts it in the clients' pool ({@link ReplicaAdded}) once it serves reads: as soon as its snapshot
 * is loaded, or, when {@code caughtUpNanos} is set, only once its lag has fallen to that bound.
 */
public final class Provisioner implements Node {
    /**
     * @param joiner the empty node to add
     * @param primary the primary it copies
     * @param clients the clients whose pool it joins
     * @param joinAtNanos when to start (by this node's clock)
     * @param pollNanos how often to ask the joiner how far it is
     * @param caughtUpNanos the lag the joiner must be under before it is announced; negative to announce it as soon as
     *     its snapshot is loaded
     */
    public record Settings(
            NodeId joiner, NodeId primary, List<NodeId> clients, long joinAtNanos, long pollNanos, long caughtUpNanos) {
        public Settings {
            Objects.requireNonNull(joiner, "joiner");
            Objects.requireNonNull(primary, "primary");
            clients = List.copyOf(clients);
            if (joinAtNanos < 0 || pollNanos <= 0) {
                throw new IllegalArgumentException("the join time cannot be negative, the poll must be positive");
            }
        }
    }

    private final Settings settings;
    private boolean started;
    private boolean announced;
    private long round;

    public Provisioner(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(Math.max(0, settings.joinAtNanos() - ctx.nowNanos())), new LagProbeDue());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (announced || !(message instanceof LagReport report) || !from.equals(settings.joiner())) {
            return;
        }
        if (report.ready() && (settings.caughtUpNanos() < 0 || report.lagNanos() <= settings.caughtUpNanos())) {
            announced = true;
            ctx.note(settings.joiner() + " serves reads from now on (lag " + report.lagNanos() / 1_000_000 + " ms)");
            settings.clients().forEach(client -> ctx.send(client, new ReplicaAdded(settings.joiner())));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (announced) {
            return;
        }
        if (!started) {
            started = true;
            ctx.send(settings.joiner(), new JoinFrom(settings.primary()));
        } else {
            ctx.send(settings.joiner(), new LagProbe(++round));
        }
        ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new LagProbeDue());
    }
}
