package sdlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A node or client as the simulator sees it: an address on the network, its clock, its
 * timers, its disk and its generators. It is also the context the node or client acts
 * through. Events meant for it wait while it is paused and are replayed, in order, when it
 * resumes.
 */
abstract sealed class Endpoint implements NodeContext permits NodeEndpoint, ClientEndpoint {

    /** The most events one paused endpoint may hold back; more means a runaway run. */
    private static final int DEFERRED_MAX = 10_000_000;

    final Engine engine;
    final NodeId id;
    final int index;
    /** Network draws (loss, latency, duplication) for the messages this endpoint sends. */
    final SplittableRandom netRandom;

    private final SplittableRandom random;
    private final SimDisk disk;
    private final Map<TimerId, TimerFiring> timers = new HashMap<>();
    private final List<SimEvent> deferred = new ArrayList<>();
    private NodeClock clock = NodeClock.EXACT;
    private long timerCount;
    private long incarnation;
    private int pauseDepth;

    Endpoint(Engine engine, NodeId id, int index, long seed) {
        this.engine = engine;
        this.id = id;
        this.index = index;
        this.random = Seeds.derive(seed, "random:" + id.name());
        this.netRandom = Seeds.derive(seed, "net:" + id.name());
        this.disk = new SimDisk(this, Seeds.derive(seed, "disk:" + id.name()));
    }

    /** Whether the endpoint is running (not crashed). */
    abstract boolean up();

    abstract void handleStart();

    abstract void handleMessage(NodeId from, Message message);

    abstract void handleTimer(TimerId timerId, Timer timer);

    abstract void handleSynced(long syncId);

    // ---- NodeContext ----

    @Override
    public NodeId self() {
        return id;
    }

    @Override
    public void send(NodeId to, Message message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        engine.network().send(this, engine.endpoint(to), message);
    }

    @Override
    public TimerId setTimer(Duration delay, Timer timer) {
        Objects.requireNonNull(timer, "timer");
        long delayNanos = delay.toNanos();
        if (delayNanos < 0) {
            throw new IllegalArgumentException("a timer delay must not be negative, got " + delay);
        }
        TimerId timerId = new TimerId(++timerCount);
        TimerFiring firing = new TimerFiring(this, timerId, timer, incarnation);
        timers.put(timerId, firing);
        engine.schedule(engine.now() + clock.virtualDelay(delayNanos), firing);
        return timerId;
    }

    @Override
    public void cancelTimer(TimerId timerId) {
        TimerFiring firing = timers.remove(timerId);
        if (firing != null) {
            firing.cancelled = true;
            engine.unschedule(firing);
        }
    }

    @Override
    public long nowNanos() {
        return clock.read(engine.now());
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Disk disk() {
        return disk;
    }

    @Override
    public void note(String text) {
        engine.trace().record(engine.now(), TraceEvent.Kind.NOTE, index, TraceRecorder.NONE, text, null);
    }

    // ---- events from the simulator ----

    final void start() {
        if (paused()) {
            defer(e -> start());
            return;
        }
        handleStart();
    }

    final void deliver(MessageArrival arrival) {
        if (!up()) {
            engine.network().drop(arrival, Network.DROP_RECEIVER_DOWN);
            return;
        }
        if (paused()) {
            defer(e -> deliver(arrival));
            return;
        }
        engine.counters().messagesDelivered++;
        engine.trace()
                .record(
                        engine.now(),
                        TraceEvent.Kind.DELIVER,
                        index,
                        arrival.from.index,
                        arrival.messageId,
                        arrival.messageHash,
                        arrival.message,
                        null);
        handleMessage(arrival.from.id, arrival.message);
    }

    final void fireTimer(TimerFiring firing) {
        if (firing.cancelled || firing.incarnation != incarnation) {
            return;
        }
        if (paused()) {
            defer(e -> fireTimer(firing));
            return;
        }
        timers.remove(firing.id);
        engine.counters().timersFired++;
        engine.trace().record(engine.now(), TraceEvent.Kind.TIMER, index, TraceRecorder.NONE, firing.timer, null);
        handleTimer(firing.id, firing.timer);
    }

    final void synced(long syncId, long syncIncarnation) {
        if (syncIncarnation != incarnation) {
            return;
        }
        if (paused()) {
            defer(e -> synced(syncId, syncIncarnation));
            return;
        }
        handleSynced(syncId);
    }

    /** Stalls the endpoint; pauses nest, and events wait until the last one ends. */
    final void pause() {
        pauseDepth++;
    }

    /** Ends one pause; when none is left, the waiting events run now, in their original order. */
    final void resume() {
        if (pauseDepth == 0) {
            return;
        }
        if (--pauseDepth == 0) {
            for (SimEvent event : deferred) {
                engine.schedule(engine.now(), event);
            }
            deferred.clear();
        }
    }

    /** Keeps {@code event} until the endpoint resumes; only while paused. */
    final void defer(SimEvent event) {
        if (deferred.size() >= DEFERRED_MAX) {
            throw new SimulationLimitException(
                    engine.seed(), engine.now(), id + " held more than " + DEFERRED_MAX + " events during a pause");
        }
        deferred.add(event);
    }

    final boolean paused() {
        return pauseDepth > 0;
    }

    /** A crash: timers, pauses and waiting events are gone; unsynced disk writes are lost. */
    final String forgetVolatileState(boolean tornWrites) {
        incarnation++;
        timers.values().forEach(engine::unschedule);
        timers.clear();
        deferred.clear();
        pauseDepth = 0;
        return disk.crash(tornWrites);
    }

    final long incarnation() {
        return incarnation;
    }

    final void setClock(NodeClock newClock) {
        this.clock = newClock;
    }

    final SimDisk simDisk() {
        return disk;
    }
}
