package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplMessages.Follow;
import sdlab.repl.ReplMessages.Promote;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.ReadTimeout;

/**
 * One node of the replicated store, primary or replica. It owns the log, the readable state and the reads that
 * wait for a position, and hands everything else to its role ({@link PrimaryRole}, {@link ReplicaRole}).
 *
 * <p>The role survives a restart: a promotion or a new source is written to the file {@value #ROLE_FILE} and
 * synced, and a restarted node reads it back (without it, the configuration's primary is primary). A restarted node
 * recovers its log from disk, where only synced entries remain.
 */
public final class ReplNode implements Node {
    static final String ROLE_FILE = "repl-role";
    private static final String PRIMARY = "primary";

    private final ReplConfig config;
    private final ReplObserver observer;
    private ReplLog log;
    private KvState state;
    private ReadWaits reads;
    private Role role;
    private long appliedSeen;

    public ReplNode(ReplConfig config, ReplObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        log = ReplLog.recover(ctx.disk());
        state = new KvState();
        reads = new ReadWaits(config.readWaitsMax());
        String saved = ctx.disk()
                .read(ROLE_FILE)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        if (saved.startsWith(PRIMARY)) {
            List<NodeId> replicas = saved.lines().skip(1).map(NodeId::of).toList();
            become(new PrimaryRole(config.withMembers(ctx.self(), replicas), ctx.self(), log, state, observer), ctx);
        } else if (!saved.isEmpty()) {
            become(replicaOf(NodeId.of(saved.strip()), ctx), ctx);
        } else if (ctx.self().equals(config.primary())) {
            become(new PrimaryRole(config, ctx.self(), log, state, observer), ctx);
        } else {
            become(replicaOf(config.primary(), ctx), ctx);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Read read -> reads.onRead(from, read, state, ctx);
            case StatusRequest request ->
                ctx.send(from, new Status(request.round(), role instanceof PrimaryRole, log.lastPosition()));
            case Promote promote -> promote(promote, ctx);
            case Follow follow -> {
                if (role instanceof ReplicaRole) {
                    save(follow.primary().name(), ctx);
                    become(replicaOf(follow.primary(), ctx), ctx);
                }
            }
            default -> role.onMessage(from, message, ctx);
        }
        releaseReads(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof ReadTimeout timeout) {
            reads.onTimeout(timeout, state, ctx);
        } else {
            role.onTimer(timer, ctx);
        }
        releaseReads(ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        role.onSynced(syncId, ctx);
        releaseReads(ctx);
    }

    /** Whether this node acts as primary now. */
    public boolean isPrimary() {
        return role instanceof PrimaryRole;
    }

    /** The last position in this node's log (received, for a replica). */
    public long lastPosition() {
        return log.lastPosition();
    }

    /** The last position a reader here sees. */
    public long appliedPosition() {
        return state.appliedPosition();
    }

    /** Every entry in this node's log, in order. */
    public List<Entry> log() {
        return log.entries();
    }

    /** The semi-sync status and counters, if this node is primary. */
    public Optional<SemiSyncStatus> semiSync() {
        return role instanceof PrimaryRole primary ? Optional.of(primary.semiSync()) : Optional.empty();
    }

    /** How far behind this node is, if it is a replica, by its clock at {@code nowNanos}. */
    public Optional<ReplicaLag> lag(long nowNanos) {
        return role instanceof ReplicaRole replica ? Optional.of(replica.lag(nowNanos)) : Optional.empty();
    }

    private void promote(Promote promote, NodeContext ctx) {
        if (role instanceof PrimaryRole) {
            return;
        }
        StringBuilder text = new StringBuilder(PRIMARY).append('\n');
        promote.replicas().forEach(replica -> text.append(replica.name()).append('\n'));
        save(text.toString(), ctx);
        ctx.note("promoted at position " + log.lastPosition());
        observer.promoted(ctx.self(), log.lastPosition(), ctx.nowNanos());
        become(
                new PrimaryRole(config.withMembers(ctx.self(), promote.replicas()), ctx.self(), log, state, observer),
                ctx);
    }

    private ReplicaRole replicaOf(NodeId source, NodeContext ctx) {
        return new ReplicaRole(config, ctx.self(), source, log, state, observer);
    }

    private void become(Role next, NodeContext ctx) {
        role = next;
        role.start(ctx);
    }

    /** Writes the role file; the next sync (the log's own, or this one) makes it durable. */
    private static void save(String text, NodeContext ctx) {
        ctx.disk().write(ROLE_FILE, text.getBytes(StandardCharsets.UTF_8));
        ctx.disk().sync();
    }

    private void releaseReads(NodeContext ctx) {
        if (state.appliedPosition() != appliedSeen) {
            appliedSeen = state.appliedPosition();
            reads.release(state, ctx);
        }
    }
}
