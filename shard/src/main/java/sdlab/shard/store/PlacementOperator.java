package sdlab.shard.store;

import java.time.Duration;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.shard.store.ShardMessage.ChangeInForce;
import sdlab.shard.store.ShardMessage.ChangeRefused;
import sdlab.shard.store.ShardMessage.FetchTable;
import sdlab.shard.store.ShardMessage.JoinShard;
import sdlab.shard.store.ShardMessage.LeaveShard;
import sdlab.shard.store.ShardMessage.TableIs;

/**
 * An operator's client of the placement node: adds a shard to the table ({@link #JOIN}, the shard's name as the key),
 * takes one out ({@link #LEAVE}) or reads the table ({@link #TABLE}). A change completes once it is in force, with
 * the {@link ChangeInForce} the placement node sends (data moved, time taken); a refused one fails, certainly not
 * made. One operation at a time; with no answer within the timeout the outcome is unknown: the change may still be
 * made.
 */
public final class PlacementOperator implements Client {
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String TABLE = "table";

    private final NodeId placement;
    private final long timeoutNanos;
    private Invocation current;
    private TimerId deadline;

    private record Deadline(long opId) implements Timer {}

    public PlacementOperator(NodeId placement, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("a timeout is positive, got " + timeoutNanos);
        }
        this.placement = placement;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        if (current != null) {
            throw new IllegalStateException("one operator change at a time: " + current + " is still open");
        }
        ShardMessage request =
                switch (invocation.f()) {
                    case JOIN -> new JoinShard(NodeId.of(invocation.key()));
                    case LEAVE -> new LeaveShard(NodeId.of(invocation.key()));
                    case TABLE -> new FetchTable();
                    default ->
                        throw new IllegalArgumentException("a placement operator does not know " + invocation.f());
                };
        current = invocation;
        deadline = ctx.setTimer(Duration.ofNanos(timeoutNanos), new Deadline(invocation.opId()));
        ctx.send(placement, request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (current == null) {
            return;
        }
        switch (message) {
            case ChangeInForce done when !current.f().equals(TABLE) -> finish(Outcome.ok(done), ctx);
            case ChangeRefused refused when !current.f().equals(TABLE) -> finish(Outcome.fail(refused.reason()), ctx);
            case TableIs is when current.f().equals(TABLE) -> finish(Outcome.ok(is.table()), ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof Deadline due && current != null && current.opId() == due.opId()) {
            finish(Outcome.unknown("the placement node did not answer within the timeout"), ctx);
        }
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        ctx.cancelTimer(deadline);
        ctx.complete(current.opId(), outcome);
        current = null;
    }
}
