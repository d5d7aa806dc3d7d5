package sdlab.app.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.net.LineLog;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.SplitPolicy;
import sdlab.shard.server.RouterPool;
import sdlab.shard.server.ShardRespDoor;
import sdlab.shard.store.PlacementNode;
import sdlab.shard.store.PlacementOperator;
import sdlab.shard.store.PlacementSettings;
import sdlab.shard.store.RouterSettings;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardNode;
import sdlab.shard.store.ShardObserver;
import sdlab.shard.store.ShardRouter;
import sdlab.shard.store.ShardSettings;
import sdlab.shard.store.ShardWire;

/**
 * Chapters 15 and 16's sharded store (module {@code shard}) as a real cluster: n1 runs the simulator's {@link
 * PlacementNode}, the next nodes its {@link ShardNode}s, and the last ones spare shards, the same class outside the
 * table, which an operator adds with {@code sdlab cluster shards add} so that a rebalance runs for real. Clients run
 * the simulator's {@link ShardRouter}, which caches the table and refreshes it when a shard refuses a stale epoch.
 * Messages travel as {@link ShardWire}, the store's protocol in plain values, translated at each end.
 *
 * <p>Shards serve a request as soon as it is their turn: the simulator's service time stands for work a real process
 * does anyway, so it is 0 here. They report their load every 200 ms, which range partitioning needs to split ranges
 * by size and to weigh ranges when a shard joins. They keep their entries and table in a log in their data directory
 * ({@link ShardSettings.Durability#SYNCED}): a write is answered after its fsync, and a shard killed and restarted
 * comes back with everything it acknowledged. A rebalance's lost table updates and handoffs are sent again every
 * 200 ms. The placement node keeps its table in memory only: restarted, it starts again from the first table.
 *
 * <p>Every process also serves RESP ({@link ShardRespDoor}) on {@code --resp-port} + its index: behind each port a
 * few of the same routers, so redis-cli reaches the store through any node, and the doors' routers carry the
 * planted bug when the cluster was started with one.
 */
final class ShardClusterMechanism implements ClusterMechanism {
    static final String NAME = "shards";
    static final NodeId PLACEMENT = NodeId.of("n1");

    private static final Duration REPORT_EVERY = Duration.ofMillis(200);
    /** Longer than the simulator's: a real handoff of thousands of entries waits for an fsync before its answer. */
    private static final Duration RESEND_EVERY = Duration.ofMillis(200);

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    /** A range holding more keys than this splits; small, so that a few thousand keys make ranges enough to move. */
    private static final long RANGE_KEYS_MAX = 128;
    /** A value is a long. */
    private static final int VALUE_BYTES = Long.BYTES;

    private static final int HOT_KEYS_TRACKED = 16;
    /** Routers behind each RESP port: an MGET's gets go to their shards this many at a time. */
    private static final int DOOR_ROUTERS = 4;

    private final ShardClusterOptions options;

    private ShardClusterMechanism(ShardClusterOptions options) {
        this.options = options;
    }

    static ShardClusterMechanism fromOptions(Map<String, String> options) {
        return new ShardClusterMechanism(ShardClusterOptions.parse(options));
    }

    int nodeCount() {
        return options.nodeCount();
    }

    /** The shards of the first table: n2 onwards. */
    List<NodeId> firstShards() {
        return nodes(2, options.shards());
    }

    /** The spare shard processes, after the first table's shards. */
    List<NodeId> spares() {
        return nodes(2 + options.shards(), options.spares());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "sharded store: placement %s, first table %s (shards %s), spares %s, RESP ports from %d"
                .formatted(
                        PLACEMENT,
                        firstTable().partitioner().describe(),
                        names(firstShards()),
                        spares().isEmpty() ? "none" : names(spares()),
                        options.respPortBase());
    }

    @Override
    public Class<? extends Message> family() {
        return ShardWire.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        RoutingTable table = firstTable();
        return id -> {
            if (id.equals(PLACEMENT)) {
                return wired(new PlacementNode(table, placementSettings(), ShardObserver.NONE));
            }
            return wired(new ShardNode(table, new TreeMap<>(), shardSettings(), ShardObserver.NONE));
        };
    }

    @Override
    public Client client(List<NodeId> nodes) {
        // Under the register names too, for 'cluster test shards'.
        return new RegisterOpsClient(wired(new ShardRouter(routerSettings(), ShardObserver.NONE)));
    }

    private RouterSettings routerSettings() {
        return new RouterSettings(PLACEMENT, CLIENT_TIMEOUT.toNanos(), options.bug());
    }

    /** An operator's client of the placement node: add or remove a shard, read the table. */
    Client operator(Duration timeout) {
        return wired(new PlacementOperator(PLACEMENT, timeout.toNanos()));
    }

    @Override
    public ClientCommand parse(List<String> words) {
        if (words.isEmpty()) {
            return new ClientCommand.Invalid("no command; " + clientHelp());
        }
        return switch (words.getFirst().toLowerCase(Locale.ROOT)) {
            case "put", "set" -> {
                if (words.size() != 3) {
                    yield new ClientCommand.Invalid("usage: put KEY VALUE");
                }
                try {
                    yield new ClientCommand.Invoke(ShardRouter.PUT, words.get(1), Long.parseLong(words.get(2)));
                } catch (NumberFormatException e) {
                    yield new ClientCommand.Invalid(
                            "values are whole numbers (the sharded store keeps longs), got '" + words.get(2) + "'");
                }
            }
            case "get" ->
                words.size() == 2
                        ? new ClientCommand.Invoke(ShardRouter.GET, words.get(1), null)
                        : new ClientCommand.Invalid("usage: get KEY");
            case "del", "delete" ->
                words.size() == 2
                        ? new ClientCommand.Invoke(ShardRouter.DEL, words.get(1), null)
                        : new ClientCommand.Invalid("usage: del KEY");
            case "scan" ->
                words.size() == 3
                        ? new ClientCommand.Invoke(ShardRouter.RANGE, words.get(1), words.get(2))
                        : new ClientCommand.Invalid("usage: scan FROM TO (FROM included, TO excluded)");
            case "count" ->
                words.size() == 1
                        ? new ClientCommand.Invoke(ShardRouter.COUNT, null, null)
                        : new ClientCommand.Invalid("usage: count");
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "redis-cli -p " + options.respPortBase() + " (any node's port; SET, GET, MGET, MSET, EXISTS,"
                + " DEL, SHARDS.WHERE, SHARDS.RANGE, INFO sharding), or 'sdlab cluster client shards' with: put KEY"
                + " NUMBER, get KEY, del KEY, scan FROM TO, count; 'sdlab cluster shards add NODE' adds a spare";
    }

    /** Node number {@code index}'s RESP port, with a few routers behind it that reach every shard. */
    @Override
    public AutoCloseable openFrontDoor(NodeHost host, int index, LineLog log) throws IOException {
        List<RouterPool.Router> routers = new ArrayList<>();
        for (int i = 0; i < DOOR_ROUTERS; i++) {
            ShardRouter router = new ShardRouter(routerSettings(), ShardObserver.NONE);
            routers.add(new RouterPool.Router(wired(router), router::table));
        }
        RouterPool pool =
                RouterPool.start(routers, "resp-" + host.id().name() + "-router", host.cluster(), family(), index, log);
        ShardRespDoor door = ShardRespDoor.open(
                host.loop(),
                ClusterLayout.HOST,
                respPort(index),
                pool,
                host.id().name());
        log.line(host.id() + " serves RESP clients on " + ClusterLayout.HOST + ":" + door.port());
        return door;
    }

    int respPort(int index) {
        return options.respPortBase() + index;
    }

    @Override
    public String render(Outcome outcome) {
        if (outcome instanceof Outcome.Ok ok && ok.value() instanceof SortedMap<?, ?> entries) {
            return entries.isEmpty()
                    ? "(no entries)"
                    : entries.entrySet().stream()
                            .map(entry -> entry.getKey() + " " + entry.getValue())
                            .collect(Collectors.joining("\n"));
        }
        if (outcome instanceof Outcome.Ok ok && ok.value() instanceof List<?> countAndSum) {
            return countAndSum.get(0) + " entries, values summing to " + countAndSum.get(1);
        }
        return ClusterMechanism.super.render(outcome);
    }

    @Override
    public Optional<String> frontDoor(int index) {
        NodeId id = NodeId.of("n" + (index + 1));
        String resp = "resp " + ClusterLayout.HOST + ":" + respPort(index) + "  ";
        if (id.equals(PLACEMENT)) {
            return Optional.of(resp + "placement (the routing table)");
        }
        // Roles as started: 'sdlab cluster shards table' shows the table in force after adds and removes.
        return Optional.of(resp
                + (firstShards().contains(id)
                        ? "shard (first table)"
                        : "spare shard (outside the first table, for 'cluster shards add')"));
    }

    /** The first table, the same in every process: built from the options alone. */
    RoutingTable firstTable() {
        List<NodeId> shards = firstShards();
        Partitioner partitioner =
                switch (options.partitioner()) {
                    case "hash" -> new ModuloPartitioner(shards, KeyHash.stable());
                    case "consistent" -> new ConsistentHashPartitioner(shards, options.tokens(), KeyHash.stable());
                    default -> RangePartitioner.cutAt(rangeStarts(), shards);
                };
        return RoutingTable.first(partitioner);
    }

    /** Ranges cut at each digit and lower-case letter, so that keys of any first character spread over the shards. */
    private static List<String> rangeStarts() {
        List<String> starts = new ArrayList<>();
        "123456789abcdefghijklmnopqrstuvwxyz".chars().forEach(c -> starts.add(Character.toString(c)));
        return starts;
    }

    private PlacementSettings placementSettings() {
        PlacementSettings settings = options.partitioner().equals("range")
                ? new PlacementSettings(new SplitPolicy(RANGE_KEYS_MAX, 0), false, null, 0)
                : PlacementSettings.fixed();
        return settings.withResendEvery(RESEND_EVERY.toNanos()).withDurability(ShardSettings.Durability.SYNCED);
    }

    private static ShardSettings shardSettings() {
        return new ShardSettings(PLACEMENT, 0, 0, REPORT_EVERY.toNanos(), VALUE_BYTES, HOT_KEYS_TRACKED)
                .withResendEvery(RESEND_EVERY.toNanos())
                .withDurability(ShardSettings.Durability.SYNCED);
    }

    private static TranslatedNode wired(Node node) {
        return new TranslatedNode(node, ShardWire::fromWire, ShardWire::toWire);
    }

    private static TranslatedClient wired(Client client) {
        return new TranslatedClient(client, ShardWire::fromWire, ShardWire::toWire);
    }

    private static List<NodeId> nodes(int first, int count) {
        List<NodeId> ids = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            ids.add(NodeId.of("n" + i));
        }
        return ids;
    }

    private static String names(List<NodeId> ids) {
        return ids.stream().map(NodeId::name).collect(Collectors.joining(","));
    }
}
