package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.Optional;
import sdlab.chapters.cache.ServiceQueue;
import sdlab.chapters.cache.redismemcached.ServerMessage.Get;
import sdlab.chapters.cache.redismemcached.ServerMessage.Hit;
import sdlab.chapters.cache.redismemcached.ServerMessage.Miss;
import sdlab.chapters.cache.redismemcached.ServerMessage.Refused;
import sdlab.chapters.cache.redismemcached.ServerMessage.Request;
import sdlab.chapters.cache.redismemcached.ServerMessage.ServiceDone;
import sdlab.chapters.cache.redismemcached.ServerMessage.Set;
import sdlab.chapters.cache.redismemcached.ServerMessage.Stored;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A cache node as chapter 11 builds it from a {@link ServerSpec}: a Redis-like node (one worker,
 * the cache engine, optional persistence) or a memcached-like one (several workers, the memcached
 * store, nothing on disk).
 *
 * <p>Each request holds a worker for its modelled service time ({@link ServiceCosts}) and waits
 * in line while every worker is busy; the store then runs the command, and a SET's acknowledgement
 * goes through the persistence policy, which may hold it until the write is durable. A crash
 * discards this object and everything in memory; the next incarnation starts from whatever its
 * persistence finds on the disk.
 */
final class CacheServerNode implements Node {
    static final NodeId ID = NodeId.of("cache");

    /** Requests that may wait for a worker; beyond it they are refused, as a full accept queue would. */
    private static final int WAITING_MAX = 10_000;

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final ServerSpec spec;
    private final ServiceCosts costs;
    private final DataSet initialData;
    private NodeContext ctx;
    private CacheStore store;
    private Persistence persistence;
    private ServiceQueue<ServiceDone> workers;
    private Recovery recovery = Recovery.NOTHING;

    /**
     * @param spec what the node is
     * @param costs the modelled service time of a request
     * @param initialData what the node holds when it first starts (not after a restart), unlogged
     */
    CacheServerNode(ServerSpec spec, ServiceCosts costs, DataSet initialData) {
        this.spec = spec;
        this.costs = costs;
        this.initialData = initialData;
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
        this.store = spec.store().create(0, () -> context.nowNanos() / NANOS_PER_MILLI, context.random());
        if (!restarted) {
            initialData.loadInto(store);
        }
        this.persistence = spec.persistence().open(context, store);
        this.recovery = persistence.start();
        this.workers = new ServiceQueue<>(spec.workers(), WAITING_MAX);
        if (restarted) {
            context.note("restarted: " + recovery.describe());
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        if (!(message instanceof Request request)) {
            throw new IllegalArgumentException("a cache node takes requests, not " + message);
        }
        if (recovery.refusal() != null) {
            context.send(from, new Refused(request.requestId(), 0));
            return;
        }
        ServiceDone job = new ServiceDone(from, request);
        switch (workers.offer(job)) {
            case STARTED -> startService(job);
            case QUEUED -> {}
            case REJECTED -> context.send(from, new Refused(request.requestId(), 0));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext context) {
        switch (timer) {
            case ServiceDone job -> {
                serve(job);
                workers.finish().ifPresent(this::startService);
            }
            case Persistence.PersistenceTimer tick -> persistence.onTimer(tick);
            default -> throw new IllegalArgumentException("a cache node sets no " + timer);
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext context) {
        persistence.onSynced(syncId);
    }

    /** The value the node holds for {@code key} now, for checks after a run (the store counts it as a read). */
    Optional<byte[]> peek(String key) {
        return Optional.ofNullable(store.get(key));
    }

    /** What this incarnation found on its disk. */
    Recovery recovery() {
        return recovery;
    }

    private void startService(ServiceDone job) {
        ctx.setTimer(Duration.ofNanos(costs.serviceNanos(job.request())), job);
    }

    private void serve(ServiceDone job) {
        switch (job.request()) {
            case Get get -> {
                byte[] value = store.get(get.key());
                int replyBytes = spec.protocol().getReplyBytes(get.key(), value);
                ctx.send(
                        job.client(),
                        value == null ? new Miss(get.requestId(), replyBytes) : new Hit(get.requestId(), replyBytes));
            }
            case Set set -> {
                if (!store.set(set.key(), DataSet.valueOf(set.key(), set.valueBytes()))) {
                    ctx.send(job.client(), new Refused(set.requestId(), 0));
                    return;
                }
                Stored stored = new Stored(set.requestId(), spec.protocol().setReplyBytes());
                persistence.acknowledge(() -> ctx.send(job.client(), stored));
            }
        }
    }
}
