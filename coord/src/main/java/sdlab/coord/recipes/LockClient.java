package sdlab.coord.recipes;

import java.util.Objects;
import sdlab.coord.client.ZkSession;
import sdlab.coord.fencing.FencingMessages.Answer;
import sdlab.coord.fencing.FencingMessages.FencedRead;
import sdlab.coord.fencing.FencingMessages.FencedWrite;
import sdlab.coord.fencing.FencingMessages.ReadValue;
import sdlab.coord.fencing.FencingMessages.StaleToken;
import sdlab.coord.fencing.FencingMessages.Written;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.ServerResponse;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A process that takes a lock in the coordination service again and again, and while it holds it
 * increments a counter at a storage node: read the counter, compute for a while, write the value
 * plus one, {@link LockConfig#increments} times, then release. It is the code a lock's user writes:
 * {@code lock.acquire(); try { work } finally { lock.release(); }}, with the lock znode's czxid
 * sent as the fencing token on every read and write (the store decides whether to check it).
 *
 * <p>Before each read it asks its recipe whether it still holds the lock, by what it knows: a
 * session it has learnt expired, a lease run out on its own clock. What it cannot see is a pause
 * between that question and its write reaching the store: two holders then read the same value
 * and one increment is lost, unless the store refuses the older token.
 */
public final class LockClient implements Node, ZkSession.Listener<NodeContext>, LockRecipe.Holder {
    /** The computation that began with {@code value} read in hold {@code hold} is done. */
    record WorkDone(long hold, long value) implements Timer {}

    /** The store has not answered request {@code requestId}. */
    record StoreTimeout(long requestId) implements Timer {}

    /** Time to try to take the lock again. */
    record TryAgain() implements Timer {}

    private final LockConfig config;
    private final LockObserver observer;
    private ZkSession<NodeContext> session;
    private LockRecipe recipe;
    private boolean holding;
    private boolean computing;
    private long token;
    private long holds;
    private int incrementsDone;
    private long requestId;
    private long waitingFor;

    public LockClient(LockConfig config, LockObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        session = new ZkSession<>(
                config.servers(), config.firstServer(), config.sessionTimeoutMs(), config.requestTimeout(), this);
        String name = ctx.self().name();
        recipe = switch (config.kind()) {
            case EPHEMERAL -> new EphemeralLock(session, this, name);
            case SEQUENTIAL -> new SequentialLock(session, this, name, config.bug());
            case TTL_LEASE -> new TtlLease(session, this, name, config.ttlMs());
        };
        session.start(ctx);
        recipe.acquire(ctx);
    }

    /** Whether this client believes it holds the lock now. */
    public boolean holding() {
        return holding;
    }

    /** Whether it is between reading the counter and writing it back: where a pause does harm. */
    public boolean computing() {
        return computing;
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!session.onMessage(from, message, ctx) && message instanceof Answer answer) {
            onStoreAnswer(answer, ctx);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (session.onTimer(timer, ctx) || recipe.onTimer(timer, ctx)) {
            return;
        }
        switch (timer) {
            case WorkDone done when holding && done.hold() == holds -> write(done.value(), ctx);
            case StoreTimeout timeout
            when timeout.requestId() == waitingFor -> endHold("the store did not answer", ctx);
            case TryAgain again -> recipe.acquire(ctx);
            default -> {}
        }
    }

    // ---- the critical section ----

    @Override
    public void granted(long grantedToken, NodeContext ctx) {
        holding = true;
        token = grantedToken;
        holds++;
        incrementsDone = 0;
        observer.acquired(ctx.self(), grantedToken);
        read(ctx);
    }

    private void read(NodeContext ctx) {
        if (!recipe.stillHolds(ctx)) {
            endHold("no longer holds the lock", ctx);
            return;
        }
        sendToStore(new FencedRead(++requestId, config.resource(), token), ctx);
    }

    private void write(long value, NodeContext ctx) {
        computing = false;
        sendToStore(new FencedWrite(++requestId, config.resource(), token, "", Long.toString(value + 1)), ctx);
    }

    private void sendToStore(Message request, NodeContext ctx) {
        waitingFor = requestId;
        ctx.send(config.store(), request);
        ctx.setTimer(config.storeTimeout(), new StoreTimeout(requestId));
    }

    private void onStoreAnswer(Answer answer, NodeContext ctx) {
        if (!holding || answer.requestId() != waitingFor) {
            return; // an answer to a hold already ended
        }
        waitingFor = 0;
        switch (answer) {
            case ReadValue read -> {
                computing = true;
                long value = read.value().isEmpty() ? 0 : Long.parseLong(read.value());
                ctx.setTimer(config.work(), new WorkDone(holds, value));
            }
            case Written written -> {
                if (++incrementsDone >= config.increments()) {
                    endHold("released", ctx);
                } else {
                    read(ctx);
                }
            }
            case StaleToken stale ->
                endHold("the store refused token " + token + " (it has seen " + stale.highestToken() + ")", ctx);
            default -> endHold("the store answered " + answer, ctx);
        }
    }

    private void endHold(String why, NodeContext ctx) {
        holding = false;
        computing = false;
        waitingFor = 0;
        observer.holdEnded(ctx.self(), why);
        recipe.release(ctx);
        ctx.setTimer(config.think(), new TryAgain());
    }

    // ---- what the session reports ----

    @Override
    public void connected(boolean newSession, NodeContext ctx) {
        recipe.connected(newSession, ctx);
    }

    @Override
    public void reply(int xid, Code code, ServerResponse body, NodeContext ctx) {
        recipe.reply(xid, code, body, ctx);
    }

    @Override
    public void watchEvent(EventType type, String path, NodeContext ctx) {
        observer.notified(ctx.self());
        recipe.watchEvent(type, path, ctx);
    }

    @Override
    public void disconnected(String reason, NodeContext ctx) {
        // The recipe's user does not stop on a lost connection: the session may well survive it.
    }

    @Override
    public void expired(NodeContext ctx) {
        recipe.expired(ctx);
    }

    @Override
    public void lost(String why, NodeContext ctx) {
        if (holding) {
            endHold(why, ctx);
        }
    }
}
