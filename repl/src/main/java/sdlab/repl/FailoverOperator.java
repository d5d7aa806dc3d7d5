package sdlab.repl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplMessages.Follow;
import sdlab.repl.ReplMessages.NewPrimary;
import sdlab.repl.ReplMessages.Promote;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.CollectOver;
import sdlab.repl.ReplTimers.HealthCheck;

/**
 * The smallest failover step, as MHA or Orchestrator take it once they have decided the primary is dead: ask the
 * replicas where they are, promote the most advanced (ties to the lowest id), point the others and the clients at
 * it. It decides "dead" from an application-level check: {@code missesMax} status requests in a row without an
 * answer.
 *
 * <p>It fails over once and knows nothing of split brain: it does not fence the old primary, so it is safe only
 * where the old primary stays down, as in the crash experiments that use it. Leases, fencing and the comparison of
 * health checks are chapter 12's, not this class's.
 *
 * @see Settings
 */
public final class FailoverOperator implements Node {

    /**
     * What the operator watches and whom it tells.
     *
     * @param primary the primary to watch
     * @param replicas the candidates
     * @param clients told of the new primary
     * @param checkEveryNanos how often the primary is asked for its status
     * @param missesMax how many unanswered checks in a row mean "dead"
     * @param collectNanos how long to wait for the replicas' positions before choosing among those that answered
     */
    public record Settings(
            NodeId primary,
            List<NodeId> replicas,
            List<NodeId> clients,
            long checkEveryNanos,
            int missesMax,
            long collectNanos) {
        public Settings {
            Objects.requireNonNull(primary, "primary");
            replicas = List.copyOf(replicas);
            clients = List.copyOf(clients);
            if (replicas.isEmpty() || checkEveryNanos <= 0 || missesMax < 1 || collectNanos <= 0) {
                throw new IllegalArgumentException("an operator needs replicas, positive times and missesMax >= 1");
            }
        }
    }

    private enum Phase {
        WATCHING,
        COLLECTING,
        DONE
    }

    private final Settings settings;
    private final Map<NodeId, Long> positions = new TreeMap<>();
    private Phase phase = Phase.WATCHING;
    private long round;
    private boolean answered = true;
    private int misses;

    public FailoverOperator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(settings.checkEveryNanos()), new HealthCheck());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof Status status) || status.round() != round) {
            return;
        }
        switch (phase) {
            case WATCHING -> answered |= from.equals(settings.primary());
            case COLLECTING -> {
                if (settings.replicas().contains(from)) {
                    positions.put(from, status.lastPosition());
                    if (positions.size() == settings.replicas().size()) {
                        promoteMostAdvanced(ctx);
                    }
                }
            }
            case DONE -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case HealthCheck check -> onHealthCheck(ctx);
            case CollectOver over -> {
                if (phase == Phase.COLLECTING && over.round() == round) {
                    if (positions.isEmpty()) {
                        collect(ctx); // nobody answered yet (a power loss): ask again
                    } else {
                        promoteMostAdvanced(ctx);
                    }
                }
            }
            default -> {}
        }
    }

    private void onHealthCheck(NodeContext ctx) {
        if (phase != Phase.WATCHING) {
            return;
        }
        misses = answered ? 0 : misses + 1;
        if (misses >= settings.missesMax()) {
            ctx.note("primary " + settings.primary() + " missed " + misses + " checks: failing over");
            collect(ctx);
            return;
        }
        answered = false;
        ctx.send(settings.primary(), new StatusRequest(++round));
        ctx.setTimer(Duration.ofNanos(settings.checkEveryNanos()), new HealthCheck());
    }

    private void collect(NodeContext ctx) {
        phase = Phase.COLLECTING;
        positions.clear();
        round++;
        for (NodeId replica : settings.replicas()) {
            ctx.send(replica, new StatusRequest(round));
        }
        ctx.setTimer(Duration.ofNanos(settings.collectNanos()), new CollectOver(round));
    }

    private void promoteMostAdvanced(NodeContext ctx) {
        NodeId chosen = null;
        for (Map.Entry<NodeId, Long> candidate : positions.entrySet()) {
            if (chosen == null || candidate.getValue() > positions.get(chosen)) {
                chosen = candidate.getKey();
            }
        }
        NodeId winner = chosen;
        List<NodeId> others =
                settings.replicas().stream().filter(r -> !r.equals(winner)).toList();
        ctx.note("promoting " + winner + " at position " + positions.get(winner) + " of " + positions);
        ctx.send(winner, new Promote(others));
        others.forEach(other -> ctx.send(other, new Follow(winner)));
        settings.clients().forEach(client -> ctx.send(client, new NewPrimary(winner)));
        phase = Phase.DONE;
    }
}
