package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.LeaseMessages.LeaseGrant;
import sdlab.repl.LeaseMessages.LeaseInfo;
import sdlab.repl.LeaseMessages.LeaseQuery;
import sdlab.repl.LeaseMessages.LeaseRefused;
import sdlab.repl.LeaseMessages.LeaseRequest;

/**
 * A lease service reduced to what the failover needs: one lease, one holder at a time, a fencing token that grows
 * with every new holder, and a grant that is on disk before anyone hears of it.
 *
 * <p>It stands in for the coordination service (the {@code coord} module's replicated tree, where the same lease
 * would be an ephemeral node and the token its zxid). That service is a Raft group with ZooKeeper sessions; running
 * it inside every seed of chapter 12 would make the chapter about the coordination service's own faults, and its
 * cost would dominate the sweep. The lease's rules are the same: the holder times its lease from the moment it asked,
 * minus the drift margin; the service hands the lease to another node only once the holder's time and the drift
 * margin have passed by its own clock, so the two never overlap while clocks keep within the bound.
 */
public final class LeaseNode implements Node {
    static final String FILE = "lease";
    /** Grants waiting for their sync, at most: one per asker in practice. */
    private static final int WAITING_MAX = 64;

    private record Waiting(long syncId, NodeId to, LeaseGrant grant) {}

    private final LeaseSettings settings;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private NodeId holder;
    private long token;
    /** By this node's clock: when the holder's time (measured from its request's arrival) is over. */
    private long heldUntilNanos;

    public LeaseNode(LeaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        String saved = ctx.disk()
                .read(FILE)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        if (!saved.isEmpty()) {
            String[] fields = saved.strip().split("\t");
            holder = NodeId.of(fields[0]);
            token = Long.parseLong(fields[1]);
            // Whatever the holder was told before the crash may still run: a full TTL from now covers it.
            heldUntilNanos = ctx.nowNanos() + settings.leaseTtlNanos();
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof LeaseMessages lease)) {
            return;
        }
        switch (lease) {
            case LeaseRequest request -> onRequest(from, request, ctx);
            case LeaseQuery query -> ctx.send(from, new LeaseInfo(query.round(), holder, token, held(ctx.nowNanos())));
            case LeaseGrant grant -> {}
            case LeaseRefused refused -> {}
            case LeaseInfo info -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {}

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        while (!waiting.isEmpty() && waiting.peekFirst().syncId() <= syncId) {
            Waiting done = waiting.removeFirst();
            ctx.send(done.to(), done.grant());
        }
    }

    private void onRequest(NodeId from, LeaseRequest request, NodeContext ctx) {
        long now = ctx.nowNanos();
        // The holder may always renew, even late: nobody else was given the lease meanwhile.
        boolean renewal = from.equals(holder);
        boolean free = holder == null || now >= heldUntilNanos + settings.driftMarginNanos();
        if (!renewal && !free) {
            ctx.send(from, new LeaseRefused(holder, request.sentAtNanos()));
            return;
        }
        if (waiting.size() >= WAITING_MAX) {
            return; // the asker retries at its next renewal
        }
        if (!from.equals(holder)) {
            token++;
            holder = from;
            ctx.note("lease to " + from + " under token " + token);
        }
        heldUntilNanos = now + settings.leaseTtlNanos();
        ctx.disk().write(FILE, (holder.name() + "\t" + token + "\n").getBytes(StandardCharsets.UTF_8));
        long syncId = ctx.disk().sync();
        waiting.addLast(
                new Waiting(syncId, from, new LeaseGrant(token, settings.leaseTtlNanos(), request.sentAtNanos())));
    }

    private boolean held(long nowNanos) {
        return holder != null && nowNanos < heldUntilNanos;
    }
}
