package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.runtime.wire.MessageCodec;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardMessage;
import sdlab.shard.store.ShardWire;

/**
 * The sharded store's messages survive the real runtime's codec: each one, turned into its wire form, encoded,
 * decoded and turned back, is the message it was; a routing table comes back owning every key as before.
 */
class ShardWireRoundTripTest {
    private static final MessageCodec<ShardWire> CODEC = MessageCodec.of(ShardWire.class);
    private static final List<NodeId> SHARDS = List.of(NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"));

    static Stream<Partitioner> partitioners() {
        return Stream.of(
                new ModuloPartitioner(SHARDS, KeyHash.stable()),
                new ConsistentHashPartitioner(SHARDS, 64, KeyHash.stable(), 9),
                RangePartitioner.cutAt(List.of("g", "p"), SHARDS).split("h"));
    }

    @ParameterizedTest
    @MethodSource("partitioners")
    void aRoutingTableCrossesTheWireOwningEveryKeyAsBefore(Partitioner partitioner) throws Exception {
        RoutingTable table = new RoutingTable(3, partitioner);
        var update = (ShardMessage.TableUpdate) roundTrip(new ShardMessage.TableUpdate(table, SHARDS.subList(0, 2)));
        assertThat(update.table().epoch()).isEqualTo(3);
        assertThat(update.previousShards()).isEqualTo(SHARDS.subList(0, 2));
        IntStream.range(0, 500).mapToObj(i -> "k" + i * 7919).forEach(key -> assertThat(
                        update.table().partitioner().ownerOf(key))
                .isEqualTo(partitioner.ownerOf(key)));
        assertThat(update.table().partitioner()).isEqualTo(partitioner);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageComesBackAsItWas(ShardMessage message) throws Exception {
        assertThat(roundTrip(message)).isEqualTo(message);
    }

    static Stream<ShardMessage> messages() {
        TreeMap<String, Long> entries = new TreeMap<>(Map.of("b", 2L, "a", 1L, "c", 3L));
        NodeId n2 = SHARDS.getFirst();
        return Stream.of(
                new ShardMessage.Get(1, 2, "k"),
                new ShardMessage.Put(1, 2, "k", 5),
                new ShardMessage.Delete(1, 2, "k"),
                new ShardMessage.DeleteReply(1, true),
                new ShardMessage.Scan(1, 2, "a", "z"),
                new ShardMessage.GetReply(1, null, 3),
                new ShardMessage.GetReply(1, 42L, 0),
                new ShardMessage.ScanReply(1, entries),
                new ShardMessage.Handoff(4, n2, entries),
                new ShardMessage.StaleEpoch(1, 4),
                new ShardMessage.Ready(4, n2, 3, 27),
                new ShardMessage.HandoffAck(4, n2),
                new ShardMessage.LoadReport(4, n2, 3, 10, List.of(new ShardMessage.RangeLoad("a", 3, 10, null))),
                new ShardMessage.JoinShard(n2),
                new ShardMessage.LeaveShard(n2),
                new ShardMessage.ChangeInForce(4, "n2 joins", 500, 8500, 250_000_000),
                new ShardMessage.ChangeRefused("n2 is already a shard"),
                new ShardMessage.FetchTable());
    }

    private static ShardMessage roundTrip(ShardMessage message) throws Exception {
        return ShardWire.fromWire(CODEC.decode(CODEC.encode(ShardWire.toWire(message))));
    }
}
