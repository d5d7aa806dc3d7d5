package sdlab.shard.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.shard.hot.HotKeyLimiter;
import sdlab.shard.hot.SpaceSaving;
import sdlab.shard.partition.KeyRange;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.store.ShardMessage.Aggregate;
import sdlab.shard.store.ShardMessage.AggregateReply;
import sdlab.shard.store.ShardMessage.Delete;
import sdlab.shard.store.ShardMessage.DeleteReply;
import sdlab.shard.store.ShardMessage.Get;
import sdlab.shard.store.ShardMessage.GetReply;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.HandoffAck;
import sdlab.shard.store.ShardMessage.Invalidate;
import sdlab.shard.store.ShardMessage.LoadReport;
import sdlab.shard.store.ShardMessage.Put;
import sdlab.shard.store.ShardMessage.PutReply;
import sdlab.shard.store.ShardMessage.RangeLoad;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.Request;
import sdlab.shard.store.ShardMessage.Scan;
import sdlab.shard.store.ShardMessage.ScanReply;
import sdlab.shard.store.ShardMessage.StaleEpoch;
import sdlab.shard.store.ShardMessage.TableUpdate;
import sdlab.shard.store.ShardMessage.Throttled;
import sdlab.shard.store.ShardMessage.WatchWrites;
import sdlab.shard.store.ShardMessage.WatchingWrites;

/**
 * One shard: the entries it owns, served one request at a time (each takes its service time, so load becomes a queue
 * and the queue becomes latency), under one routing table.
 *
 * <p>A request carries its router's epoch. An older epoch is refused at once ({@link StaleEpoch}); a newer one waits
 * until this shard's table catches up; an equal one is served, with no second look at the key: equal epochs name the
 * same table, as MongoDB's shard versions do, so the epoch check is the ownership check. When a new table comes in
 * force, the shard hands every entry it lost to its new owner ({@link Handoff}, one to every shard of the new table,
 * possibly empty) and parks requests of the new epoch until the handoffs due to it have all arrived. A handoff is
 * retained and sent again until its receiver acknowledges it ({@link TableChange}), and a repeated table update is
 * answered with {@code Ready} again, so a lost message delays a change but does not wedge it.
 *
 * <p>A node may be a copy of another shard ({@link ShardSettings#replicaOf()}): it owns what that shard owns under the
 * table, serves reads the routers send it and applies every write; each get's reply says how many requests its queue
 * holds, for routers that pick copies by load.
 *
 * <p>Data is in memory unless {@link ShardSettings#durability()} says otherwise: a durable shard logs every write, table
 * and handoff taken in to its disk ({@link ShardLog}), answers only after the sync, and after a restart replays the
 * log through the same handlers, so it comes back with its entries, its table and the change it was in the middle of.
 * The chapters, which crash no shard, keep data in memory.
 */
public final class ShardNode implements Node {
    /** Requests that may wait, queued or parked; the router's one request per process keeps far below it. */
    static final int WAITING_MAX = 100_000;

    private final ShardSettings settings;
    private final ShardObserver observer;
    private final TreeMap<String, Long> data;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final List<Job> parked = new ArrayList<>();
    private final TableChange change;
    private final ShardLog log;
    private final RangeTraffic traffic = new RangeTraffic();
    private final SpaceSaving hotKeys;
    private final HotKeyLimiter limiter;
    private final Set<NodeId> writeWatchers = new LinkedHashSet<>(); // caches told of every applied write
    private RoutingTable table;
    private Job serving;
    private long requestsSinceReport;
    private boolean resendArmed;

    private record Job(NodeId from, Request request) {}

    private record ServiceDone() implements Timer {}

    private record ReportDue() implements Timer {}

    /** Time to send again the handoffs not yet acknowledged. */
    private record ResendDue() implements Timer {}

    /** A shard under {@code table}, holding {@code initialData} (the entries the table gives it). */
    public ShardNode(
            RoutingTable table, SortedMap<String, Long> initialData, ShardSettings settings, ShardObserver observer) {
        this.table = table;
        this.data = new TreeMap<>(initialData);
        this.settings = settings;
        this.observer = observer;
        this.change = new TableChange(settings);
        this.log = new ShardLog(settings.durability());
        this.hotKeys = new SpaceSaving(settings.hotKeysTracked());
        this.limiter = settings.hotKeyRatePerSecond() > 0
                ? new HotKeyLimiter(settings.hotKeyRatePerSecond(), Math.max(1, settings.hotKeyRatePerSecond() / 10))
                : null;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (log.durable()) {
            recover(ctx);
        }
        if (settings.reportEveryNanos() > 0) {
            ctx.setTimer(Duration.ofNanos(settings.reportEveryNanos()), new ReportDue());
        }
    }

    /**
     * Rebuilds the state from the log, or, at a first start (an empty log), logs the table and entries the node was
     * made with. A replayed change that was still waiting sends its retained handoffs again and waits on.
     */
    private void recover(NodeContext ctx) {
        List<ShardLogRecord> records = log.recover(ctx);
        if (records.isEmpty()) {
            log.append(new ShardLogRecord.Begin(table), ctx);
            data.forEach((key, value) -> log.append(new ShardLogRecord.Put(key, value), ctx));
            log.syncNow(ctx);
            return;
        }
        table = ShardLogReplay.replay(records, ctx.self(), data, change);
        ctx.note("recovered " + records.size() + " log records: epoch " + table.epoch() + ", " + data.size()
                + " entries");
        log.syncNow(ctx);
        resendHandoffs(ctx);
        finishIfComplete(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Request request -> admit(new Job(from, request), ctx);
            case TableUpdate update -> {
                if (update.table().epoch() > table.epoch()) {
                    apply(update, ctx);
                } else if (update.table().epoch() == table.epoch()) {
                    // The placement node repeats an update until it hears Ready: the first Ready may be lost.
                    Ready again = change.readyAgain(table.epoch(), ctx.self());
                    if (again != null) {
                        log.promise(settings.placement(), again, ctx);
                    }
                }
            }
            case Handoff handoff -> {
                switch (change.arrive(handoff, table.epoch())) {
                    case TAKEN -> take(handoff, ctx);
                    case DUPLICATE -> log.promise(handoff.from(), new HandoffAck(handoff.epoch(), ctx.self()), ctx);
                    case EARLY -> {}
                }
                finishIfComplete(ctx);
            }
            case WatchWrites watch -> {
                writeWatchers.add(from);
                ctx.send(from, new WatchingWrites());
            }
            case HandoffAck ack -> {
                if (change.acknowledged(ack.epoch(), ack.shard())) {
                    log.append(new ShardLogRecord.Acked(ack.epoch(), ack.shard()), ctx);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case ServiceDone done -> {
                execute(serving, ctx);
                serving = null;
                startNext(ctx);
            }
            case ReportDue due -> {
                report(ctx);
                ctx.setTimer(Duration.ofNanos(settings.reportEveryNanos()), new ReportDue());
            }
            case ResendDue due -> {
                resendArmed = false;
                resendHandoffs(ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        log.synced(syncId, ctx);
    }

    /**
     * Puts {@code update}'s table in force: refuses what waits under the old one, takes out and retains what it gives
     * away, logs the update and sends the handoffs once it is durable (a handoff sent before a crash that lost the
     * update would hand away entries the restarted shard goes on serving), then takes in handoffs that came early.
     */
    private void apply(TableUpdate update, NodeContext ctx) {
        table = update.table();
        refuseQueued(ctx);
        Map<NodeId, Handoff> handoffs = change.begin(update, ctx.self(), data);
        log.append(new ShardLogRecord.Update(update), ctx);
        handoffs.forEach((to, handoff) -> {
            if (!handoff.entries().isEmpty()) {
                long bytes = handoff.entries().keySet().stream()
                        .mapToLong(settings::entryBytes)
                        .sum();
                observer.handedOff(
                        ctx.self(), to, table.epoch(), handoff.entries().size(), bytes);
            }
            log.promise(to, handoff, ctx);
        });
        armResend(ctx);
        change.takeEarly(table.epoch()).forEach(handoff -> take(handoff, ctx));
        finishIfComplete(ctx);
    }

    /** Takes in a handoff, logs it, and acknowledges it once that is durable. */
    private void take(Handoff handoff, NodeContext ctx) {
        change.take(handoff, data);
        log.append(new ShardLogRecord.Accepted(handoff), ctx);
        log.promise(handoff.from(), new HandoffAck(handoff.epoch(), ctx.self()), ctx);
    }

    private void resendHandoffs(NodeContext ctx) {
        change.unacknowledged().forEach((to, handoffs) -> handoffs.forEach(h -> log.promise(to, h, ctx)));
        armResend(ctx);
    }

    /** Sets the resend timer while some handoff waits for its acknowledgement; never with resends off. */
    private void armResend(NodeContext ctx) {
        if (settings.resendEveryNanos() > 0 && !resendArmed && change.retainsHandoffs()) {
            resendArmed = true;
            ctx.setTimer(Duration.ofNanos(settings.resendEveryNanos()), new ResendDue());
        }
    }

    /** The current table. */
    public RoutingTable table() {
        return table;
    }

    /** The entries held now. */
    public SortedMap<String, Long> data() {
        return Collections.unmodifiableSortedMap(data);
    }

    /** Whether some handoff this shard sent still waits for its acknowledgement (and is retained for resending). */
    boolean retainsHandoffs() {
        return change.retainsHandoffs();
    }

    /** The hot keys seen so far, from the shard's online top-k. */
    public List<SpaceSaving.Estimate> hotKeys() {
        return hotKeys.top();
    }

    private void admit(Job job, NodeContext ctx) {
        long epoch = job.request().epoch();
        if (epoch < table.epoch()) {
            refuse(job, ctx);
        } else if (epoch > table.epoch() || change.inProgress()) {
            wait(parked, job);
        } else if (overRate(job.request(), ctx)) {
            observer.throttled(ctx.self(), keyOf(job.request()));
            ctx.send(job.from(), new Throttled(job.request().requestId()));
        } else {
            wait(queue, job);
            if (serving == null) {
                startNext(ctx);
            }
        }
    }

    /** Whether a point request's key is hot and over its rate; refused at once, it costs no service time. */
    private boolean overRate(Request request, NodeContext ctx) {
        String key = keyOf(request);
        return limiter != null && key != null && !limiter.admit(key, hotKeys::tracks, ctx.nowNanos());
    }

    private static String keyOf(Request request) {
        return switch (request) {
            case Get get -> get.key();
            case Put put -> put.key();
            case Delete delete -> delete.key();
            default -> null;
        };
    }

    private void wait(Collection<Job> waiting, Job job) {
        if (queue.size() + parked.size() >= WAITING_MAX) {
            throw new IllegalStateException("more than " + WAITING_MAX + " requests wait at one shard");
        }
        waiting.add(job);
    }

    private void startNext(NodeContext ctx) {
        serving = queue.poll();
        if (serving != null) {
            ctx.setTimer(Duration.ofNanos(serviceNanos(serving.request())), new ServiceDone());
        }
    }

    private long serviceNanos(Request request) {
        if (request instanceof Scan scan && scan.fromKey().compareTo(scan.toKey()) < 0) {
            return settings.pointNanos()
                    + settings.perKeyNanos()
                            * data.subMap(scan.fromKey(), scan.toKey()).size();
        }
        return settings.pointNanos();
    }

    private void execute(Job job, NodeContext ctx) {
        Request request = job.request();
        if (request.epoch() != table.epoch()) {
            // The table changed while the request waited in the queue.
            refuse(job, ctx);
            return;
        }
        long cost = serviceNanos(request);
        requestsSinceReport++;
        Message reply =
                switch (request) {
                    case Get get -> {
                        touch(get.key(), cost, ctx);
                        yield new GetReply(get.requestId(), data.get(get.key()), queue.size());
                    }
                    case Put put -> {
                        touch(put.key(), cost, ctx);
                        observer.wrote(ctx.self(), put.key(), ctx.nowNanos());
                        data.put(put.key(), put.value());
                        log.append(new ShardLogRecord.Put(put.key(), put.value()), ctx);
                        invalidate(put.key(), ctx);
                        yield new PutReply(put.requestId());
                    }
                    case Delete delete -> {
                        touch(delete.key(), cost, ctx);
                        observer.wrote(ctx.self(), delete.key(), ctx.nowNanos());
                        boolean existed = data.remove(delete.key()) != null;
                        log.append(new ShardLogRecord.Delete(delete.key()), ctx);
                        invalidate(delete.key(), ctx);
                        yield new DeleteReply(delete.requestId(), existed);
                    }
                    case Scan scan -> {
                        observer.served(ctx.self(), table.epoch(), null, true, cost, ctx.nowNanos());
                        SortedMap<String, Long> found = scan.fromKey().compareTo(scan.toKey()) < 0
                                ? data.subMap(scan.fromKey(), scan.toKey())
                                : new TreeMap<>();
                        yield new ScanReply(scan.requestId(), found);
                    }
                    case Aggregate aggregate -> {
                        observer.served(ctx.self(), table.epoch(), null, true, cost, ctx.nowNanos());
                        long sum = data.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        yield new AggregateReply(aggregate.requestId(), data.size(), sum);
                    }
                };
        if (reply instanceof PutReply || reply instanceof DeleteReply) {
            log.promise(job.from(), reply, ctx);
            compactIfDue(ctx);
        } else {
            ctx.send(job.from(), reply);
        }
    }

    /**
     * Tells every watching cache that {@code key} changed, as soon as the write is applied: the acknowledgement and
     * the invalidation then race to their destinations, and a read at the cache between the two still gets the old
     * value (the window chapter 16 measures).
     */
    private void invalidate(String key, NodeContext ctx) {
        writeWatchers.forEach(watcher -> ctx.send(watcher, new Invalidate(key)));
    }

    /** Rewrites the log as the table and entries when it has grown well past them and no change is in progress. */
    private void compactIfDue(NodeContext ctx) {
        if (!change.inProgress() && !change.retainsHandoffs() && log.compactionDue(data.size())) {
            log.rewrite(table, data, ctx);
        }
    }

    /** Counts a point request of {@code key}: the observer, the hot-key summary and the range's traffic. */
    private void touch(String key, long cost, NodeContext ctx) {
        // A copy owns what its shard owns.
        NodeId shard = settings.replicaOf() == null ? ctx.self() : settings.replicaOf();
        boolean owned = table.partitioner().ownerOf(key).equals(shard);
        observer.served(ctx.self(), table.epoch(), key, owned, cost, ctx.nowNanos());
        hotKeys.offer(key);
        if (table.partitioner() instanceof RangePartitioner ranges) {
            traffic.record(ranges.rangeOf(key), key, ctx.random());
        }
    }

    /**
     * Refuses at once what waits in the queue under the old table: it would be refused when its turn came, after
     * taking a service slot each, and the routers can retry at the new owners meanwhile.
     */
    private void refuseQueued(NodeContext ctx) {
        queue.removeIf(job -> {
            if (job.request().epoch() < table.epoch()) {
                refuse(job, ctx);
                return true;
            }
            return false;
        });
    }

    private void refuse(Job job, NodeContext ctx) {
        observer.rejectedStale(ctx.self());
        ctx.send(job.from(), new StaleEpoch(job.request().requestId(), table.epoch()));
    }

    private void finishIfComplete(NodeContext ctx) {
        Ready ready = change.completeAt(table.epoch(), ctx.self());
        if (ready == null) {
            return;
        }
        log.promise(settings.placement(), ready, ctx);
        List<Job> released = new ArrayList<>(parked);
        parked.clear();
        released.forEach(job -> admit(job, ctx));
    }

    private void report(NodeContext ctx) {
        List<RangeLoad> ranges = new ArrayList<>();
        if (table.partitioner() instanceof RangePartitioner partitioner) {
            for (KeyRange range : partitioner.ranges()) {
                if (range.owner().equals(ctx.self())) {
                    SortedMap<String, Long> held =
                            range.end() == null ? data.tailMap(range.start()) : data.subMap(range.start(), range.end());
                    ranges.add(new RangeLoad(
                            range.start(), held.size(), traffic.requests(range.start()), traffic.medianKey(range)));
                }
            }
        }
        ctx.send(
                settings.placement(),
                new LoadReport(table.epoch(), ctx.self(), data.size(), requestsSinceReport, ranges));
        traffic.reset();
        requestsSinceReport = 0;
    }
}
