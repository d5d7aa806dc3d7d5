package sdlab.shard.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.shard.partition.KeyRange;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.Rebalancer;
import sdlab.shard.partition.SplitPolicy;
import sdlab.shard.store.ShardMessage.ChangeInForce;
import sdlab.shard.store.ShardMessage.ChangeRefused;
import sdlab.shard.store.ShardMessage.FetchTable;
import sdlab.shard.store.ShardMessage.JoinShard;
import sdlab.shard.store.ShardMessage.LeaveShard;
import sdlab.shard.store.ShardMessage.LoadReport;
import sdlab.shard.store.ShardMessage.RangeLoad;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.TableIs;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * The one authority over the routing table, as HBase's master, TiKV's placement driver or MongoDB's config servers: it
 * answers routers' fetches, splits ranges that grew or got hot from the shards' load reports, and rebalances when a
 * shard joins. Changes go one at a time: the next waits until every shard concerned says the last is in force, so
 * epochs are applied in order and a handoff is never split across two changes.
 *
 * <p>An operator may also add a shard to the table or take one out ({@link JoinShard}, {@link LeaveShard}), as one
 * adds a shard to a MongoDB cluster or drains one: the request waits its turn behind the change in force, and the
 * operator hears {@link ChangeInForce} once every shard concerned is ready, with the data the change moved and how
 * long it took, or {@link ChangeRefused}.
 *
 * <p>The network may lose a table update or a shard's {@link Ready}: while any shard concerned has not said {@code
 * Ready}, the update goes to it again every {@link PlacementSettings#resendEveryNanos()}. A shard that is ready
 * already answers a repeated update with {@code Ready} again, and one still waiting for handoffs ignores it, so a copy
 * too many changes nothing.
 *
 * <p>With {@link PlacementSettings#durability()} other than memory, every table is logged before anyone hears of it
 * (updates and fetches wait for the sync), and a restarted placement node starts from the last table it logged, not
 * from the first: a node that forgot the epochs it published would hand routers an old table that the shards have
 * left behind. If that table's change was not complete, the update goes again to every shard concerned, which answer
 * {@code Ready} again once it is in force. An operator's request in progress at the crash is forgotten; the operator
 * hears nothing and asks again.
 */
public final class PlacementNode implements Node {
    /** Operator changes that may wait their turn; an operator sends one at a time, so a few is plenty. */
    static final int OPERATOR_CHANGES_WAITING_MAX = 16;
    /** The placement node's log file: one record per table published. */
    static final String LOG_FILE = "placement-log";
    /** Tables logged before the log is rewritten as its last one. */
    static final int LOG_RECORDS_MAX = 64;

    private final PlacementSettings settings;
    private final ShardObserver observer;
    private final TreeSet<NodeId> awaitingReady = new TreeSet<>();
    private final Map<NodeId, LoadReport> reports = new TreeMap<>();
    private final ArrayDeque<OperatorChange> operatorChanges = new ArrayDeque<>();
    private final ShardLog log;
    private RoutingTable table;
    private boolean joinDue;
    /** The operator change being put in force, and what its shards reported so far; null when none is. */
    private OperatorChange inFlight;

    private long inFlightSinceNanos;
    private long entriesMoved;
    private long bytesMoved;
    /** The update of the table in force, sent again to the shards not ready yet; null before the first change. */
    private TableUpdate lastUpdate;

    private boolean resendArmed;

    private record JoinDue() implements Timer {}

    /** Time to send the update again to the shards that have not said {@link Ready}. */
    private record ResendDue() implements Timer {}

    /** An operator's request ({@link JoinShard} or {@link LeaveShard}) and who to answer. */
    private record OperatorChange(NodeId operator, ShardMessage request) {}

    public PlacementNode(RoutingTable table, PlacementSettings settings, ShardObserver observer) {
        this.table = table;
        this.settings = settings;
        this.observer = observer;
        this.log = new ShardLog(settings.durability(), LOG_FILE);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (log.durable()) {
            recover(ctx);
        }
        if (settings.joiner() != null) {
            ctx.setTimer(Duration.ofNanos(settings.joinAtNanos()), new JoinDue());
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case FetchTable fetch -> log.promise(from, new TableIs(table), ctx);
            case LoadReport report -> {
                reports.put(report.shard(), report);
                if (awaitingReady.isEmpty() && report.epoch() == table.epoch()) {
                    if (!splitIfDue(report, ctx)) {
                        mergeIfDue(report, ctx);
                    }
                }
            }
            case Ready ready -> {
                // A Ready repeated (the shard answers every copy of the update) or of an older epoch counts no more.
                if (ready.epoch() == table.epoch() && awaitingReady.remove(ready.shard())) {
                    entriesMoved += ready.entriesReceived();
                    bytesMoved += ready.bytesReceived();
                    if (awaitingReady.isEmpty()) {
                        answerInFlight(ctx);
                        nextChange(ctx);
                    }
                }
            }
            case JoinShard join -> request(new OperatorChange(from, join), ctx);
            case LeaveShard leave -> request(new OperatorChange(from, leave), ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case JoinDue due -> {
                joinDue = true;
                if (awaitingReady.isEmpty()) {
                    join(ctx);
                }
            }
            case ResendDue due -> {
                resendArmed = false;
                if (!awaitingReady.isEmpty()) {
                    awaitingReady.forEach(shard -> log.promise(shard, lastUpdate, ctx));
                    armResend(ctx);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        log.synced(syncId, ctx);
    }

    /** Starts from the last table logged, and sends its update again to every shard concerned. */
    private void recover(NodeContext ctx) {
        List<ShardLogRecord> records = log.recover(ctx);
        for (ShardLogRecord record : records) {
            if (record instanceof ShardLogRecord.Update update) {
                lastUpdate = update.update();
            }
        }
        if (lastUpdate == null) {
            return; // nothing published yet: the first table is the one this node was made with
        }
        table = lastUpdate.table();
        awaitingReady.addAll(lastUpdate.previousShards());
        awaitingReady.addAll(table.partitioner().shards());
        awaitingReady.forEach(shard -> log.promise(shard, lastUpdate, ctx));
        armResend(ctx);
        ctx.note("placement: recovered epoch " + table.epoch() + " from " + records.size()
                + " logged tables; its update goes again to " + awaitingReady);
    }

    private void armResend(NodeContext ctx) {
        if (settings.resendEveryNanos() > 0 && !resendArmed) {
            resendArmed = true;
            ctx.setTimer(Duration.ofNanos(settings.resendEveryNanos()), new ResendDue());
        }
    }

    /** The table in force. */
    public RoutingTable table() {
        return table;
    }

    private void join(NodeContext ctx) {
        joinDue = false;
        publish(
                Rebalancer.withShardAdded(table.partitioner(), settings.joiner(), keysByRange()),
                settings.joiner() + " joins",
                ctx);
    }

    /** Keys per range start, from the latest reports: what range rebalancing weighs (hash ignores it). */
    private Map<String, Long> keysByRange() {
        Map<String, Long> keys = new TreeMap<>();
        reports.values().forEach(report -> keys.putAll(report.keysByRangeStart()));
        return keys;
    }

    private void request(OperatorChange change, NodeContext ctx) {
        if (operatorChanges.size() >= OPERATOR_CHANGES_WAITING_MAX) {
            ctx.send(
                    change.operator(),
                    new ChangeRefused("the placement node is busy: " + OPERATOR_CHANGES_WAITING_MAX
                            + " changes wait already; try again later"));
            return;
        }
        operatorChanges.add(change);
        if (awaitingReady.isEmpty()) {
            nextChange(ctx);
        }
    }

    /** With no change in progress: the scheduled join first, else the next operator change that can be made. */
    private void nextChange(NodeContext ctx) {
        if (joinDue) {
            join(ctx);
            return;
        }
        while (awaitingReady.isEmpty() && !operatorChanges.isEmpty()) {
            OperatorChange change = operatorChanges.poll();
            try {
                Partitioner next =
                        switch (change.request()) {
                            case JoinShard join ->
                                Rebalancer.withShardAdded(table.partitioner(), join.shard(), keysByRange());
                            case LeaveShard leave ->
                                Rebalancer.withShardRemoved(table.partitioner(), leave.shard(), keysByRange());
                            default -> throw new IllegalStateException("not an operator change: " + change);
                        };
                if (change.request() instanceof JoinShard join && !next.shards().contains(join.shard())) {
                    // Range rebalancing moves whole ranges; with none that fits, the joiner would own nothing.
                    throw new IllegalArgumentException(
                            join.shard() + " would take no range: no shard holds a range small enough to give");
                }
                inFlight = change;
                inFlightSinceNanos = ctx.nowNanos();
                entriesMoved = 0;
                bytesMoved = 0;
                publish(next, describe(change.request()), ctx);
            } catch (IllegalArgumentException e) {
                // The rebalancer refuses a shard that is already in the table, or the last one's leaving.
                ctx.send(change.operator(), new ChangeRefused(e.getMessage()));
            }
        }
    }

    private static String describe(ShardMessage request) {
        return switch (request) {
            case JoinShard join -> join.shard() + " joins";
            case LeaveShard leave -> leave.shard() + " leaves";
            default -> request.toString();
        };
    }

    private void answerInFlight(NodeContext ctx) {
        if (inFlight == null) {
            return;
        }
        ctx.send(
                inFlight.operator(),
                new ChangeInForce(
                        table.epoch(),
                        describe(inFlight.request()),
                        entriesMoved,
                        bytesMoved,
                        ctx.nowNanos() - inFlightSinceNanos));
        inFlight = null;
    }

    /** Splits the first range of the report that is due; true if one was. */
    private boolean splitIfDue(LoadReport report, NodeContext ctx) {
        if (!(table.partitioner() instanceof RangePartitioner ranges)) {
            return false;
        }
        for (RangeLoad load : report.ranges()) {
            Optional<SplitPolicy.Reason> reason = settings.splits().reason(load.keys(), load.requests());
            if (reason.isEmpty() || load.splitKey() == null) {
                continue;
            }
            KeyRange range = ranges.rangeOf(load.start());
            if (!range.start().equals(load.start()) || !range.contains(load.splitKey())) {
                continue;
            }
            RangePartitioner next = ranges.split(load.splitKey());
            NodeId coolest = coolestShard(report.shard());
            if (reason.get() == SplitPolicy.Reason.LOAD && settings.moveLoadSplits() && coolest != null) {
                next = next.reassign(load.splitKey(), coolest);
            }
            publish(next, "split " + range + " at " + load.splitKey() + " for " + reason.get(), ctx);
            return true;
        }
        return false;
    }

    /** Merges the first two neighbouring ranges of the reporting shard that are small and cold together. */
    private void mergeIfDue(LoadReport report, NodeContext ctx) {
        if (!(table.partitioner() instanceof RangePartitioner ranges)) {
            return;
        }
        List<RangeLoad> loads = report.ranges();
        for (int i = 0; i + 1 < loads.size(); i++) {
            RangeLoad low = loads.get(i);
            RangeLoad high = loads.get(i + 1);
            KeyRange range = ranges.rangeOf(low.start());
            boolean neighbours =
                    range.start().equals(low.start()) && high.start().equals(range.end());
            if (neighbours
                    && ranges.rangeOf(high.start()).owner().equals(range.owner())
                    && settings.merges().merges(low.keys() + high.keys(), low.requests() + high.requests())) {
                publish(ranges.merge(low.start()), "merge " + range + " with the range at " + high.start(), ctx);
                return;
            }
        }
    }

    /**
     * The shard other than {@code busy} that served the fewest requests in its last report: any shard that reports,
     * owning ranges or not yet, except one still waiting for its scheduled join.
     */
    private NodeId coolestShard(NodeId busy) {
        return reports.values().stream()
                .filter(r -> !r.shard().equals(busy))
                .filter(r -> !r.shard().equals(settings.joiner())
                        || table.partitioner().shards().contains(r.shard()))
                .min((a, b) -> a.requests() != b.requests()
                        ? Long.compare(a.requests(), b.requests())
                        : a.shard().compareTo(b.shard()))
                .map(LoadReport::shard)
                .orElse(null);
    }

    private void publish(Partitioner next, String why, NodeContext ctx) {
        var previous = table.partitioner().shards();
        table = table.next(next);
        awaitingReady.addAll(previous);
        awaitingReady.addAll(next.shards());
        TableUpdate update = new TableUpdate(table, previous);
        lastUpdate = update;
        if (log.longerThan(LOG_RECORDS_MAX)) {
            log.rewriteAs(List.of(new ShardLogRecord.Update(update)), ctx);
        } else {
            log.append(new ShardLogRecord.Update(update), ctx);
        }
        awaitingReady.forEach(shard -> log.promise(shard, update, ctx));
        armResend(ctx);
        observer.tableChanged(table, why);
        ctx.note("epoch " + table.epoch() + ": " + why);
    }
}
