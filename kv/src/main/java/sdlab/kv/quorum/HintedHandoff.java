package sdlab.kv.quorum;

import java.time.Duration;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.kv.quorum.LogRecord.Hint;
import sdlab.kv.quorum.QuorumMessages.HandoffAck;
import sdlab.kv.quorum.QuorumMessages.HandoffWrite;

/**
 * The hint holder's side of hinted handoff (Dynamo, section 4.6): while hints are kept, every
 * {@code handoffIntervalMs} it sends each owner a bounded batch of them, and forgets a hint
 * when the owner acknowledges it durably. An owner that is still down just does not answer;
 * the next tick tries again.
 */
final class HintedHandoff {
    /** Hints sent to one owner per tick, so a long outage does not turn into a burst. */
    static final int HINTS_PER_OWNER_PER_TICK_MAX = 32;

    private final Duration interval;
    private boolean tickScheduled;

    HintedHandoff(Duration interval) {
        this.interval = interval;
    }

    /** Makes sure a tick is coming while there are hints to hand off. */
    void schedule(ReplicaStore store, NodeContext ctx) {
        if (!tickScheduled && store.hintCount() > 0) {
            ctx.setTimer(interval, new QuorumTimers.HandoffTick());
            tickScheduled = true;
        }
    }

    void onTick(ReplicaStore store, Outbox out, NodeContext ctx) {
        tickScheduled = false;
        for (Hint hint : store.hintsToHandOff(HINTS_PER_OWNER_PER_TICK_MAX)) {
            out.send(ctx, hint.owner(), new HandoffWrite(hint.key(), hint.item()));
        }
        schedule(store, ctx);
    }

    /** No sync is needed: a forgotten HintDone only means the owner gets the hint again. */
    void onAck(NodeId owner, HandoffAck ack, ReplicaStore store, NodeContext ctx) {
        store.hintDelivered(ctx.disk(), owner, ack.key(), ack.version());
    }
}
