package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.TableUpdate;

/** A durable shard's log records come back from their bytes as they were, and a torn tail is dropped, not misread. */
class ShardLogCodecTest {
    private static final List<NodeId> SHARDS = StoreWorld.shards(3);

    static Stream<Partitioner> partitioners() {
        return Stream.of(
                new ModuloPartitioner(SHARDS, KeyHash.stable()),
                new ConsistentHashPartitioner(SHARDS, 64, KeyHash.stable(), 9),
                RangePartitioner.cutAt(List.of("g", "p"), SHARDS).split("h"));
    }

    @ParameterizedTest
    @MethodSource("partitioners")
    void everyRecordComesBackAsItWas(Partitioner partitioner) {
        // Shows: tables of each partitioner, and keys with spaces, quotes and digits, survive the round trip.
        RoutingTable table = new RoutingTable(3, partitioner);
        TreeMap<String, Long> entries = new TreeMap<>();
        entries.put("a key with spaces", -1L);
        entries.put("it's 12'3", Long.MAX_VALUE);
        entries.put("", 0L);
        List<ShardLogRecord> records = List.of(
                new ShardLogRecord.Begin(table),
                new ShardLogRecord.Put("x y'z", 42),
                new ShardLogRecord.Delete("x y'z"),
                new ShardLogRecord.Update(new TableUpdate(table, SHARDS.subList(0, 2))),
                new ShardLogRecord.Accepted(new Handoff(3, SHARDS.get(1), entries)),
                new ShardLogRecord.Accepted(new Handoff(3, SHARDS.get(2), new TreeMap<>())),
                new ShardLogRecord.Acked(3, SHARDS.get(2)));
        byte[] bytes = ShardLogCodec.encodeAll(records);
        ShardLogCodec.Decoded decoded = ShardLogCodec.decode(bytes);
        assertThat(decoded.validBytes()).isEqualTo(bytes.length);
        assertThat(decoded.records()).isEqualTo(records);
    }

    @Test
    void aTornTailIsCutAtTheLastWholeRecord() {
        // Shows: every prefix of the last record is dropped, and the records before it are kept.
        byte[] first = ShardLogCodec.encode(new ShardLogRecord.Put("k1", 1));
        byte[] both =
                ShardLogCodec.encodeAll(List.of(new ShardLogRecord.Put("k1", 1), new ShardLogRecord.Put("k2", 2)));
        for (int cut = first.length; cut < both.length; cut++) {
            ShardLogCodec.Decoded decoded = ShardLogCodec.decode(Arrays.copyOf(both, cut));
            assertThat(decoded.records()).containsExactly(new ShardLogRecord.Put("k1", 1));
            assertThat(decoded.validBytes()).isEqualTo(first.length);
        }
    }
}
