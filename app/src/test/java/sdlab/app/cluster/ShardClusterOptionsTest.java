package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ClusterMechanism.ClientCommand;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.store.ShardRouter;

/**
 * {@code cluster start shards}'s options make the first table every process builds alike, client commands mean the
 * router's operations, and a mistake gets one line that says what to type instead, before any process starts.
 */
class ShardClusterOptionsTest {
    @TempDir
    Path directory;

    @Test
    void theDefaultsAreAPlacementNodeThreeShardsOnARingAndOneSpare() {
        ShardClusterMechanism shards = ShardClusterMechanism.fromOptions(Map.of());

        assertThat(shards.nodeCount()).isEqualTo(5);
        assertThat(shards.firstShards()).containsExactly(NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"));
        assertThat(shards.spares()).containsExactly(NodeId.of("n5"));
        assertThat(shards.firstTable().partitioner())
                .isInstanceOfSatisfying(ConsistentHashPartitioner.class, ring -> assertThat(ring.tokensPerShard())
                        .isEqualTo(256));
        assertThat(ShardClusterMechanism.fromOptions(Map.of("partitioner", "hash", "shards", "2", "spares", "0"))
                        .firstTable()
                        .partitioner())
                .isEqualTo(new ModuloPartitioner(
                        List.of(NodeId.of("n2"), NodeId.of("n3")), sdlab.shard.partition.KeyHash.stable()));
        assertThat(ShardClusterMechanism.fromOptions(Map.of("partitioner", "range"))
                        .firstTable()
                        .partitioner())
                .isInstanceOfSatisfying(RangePartitioner.class, ranges -> assertThat(ranges.ranges())
                        .hasSize(36));
    }

    @Test
    void everyNodeServesRespFromTheBasePortUp() {
        ShardClusterMechanism byDefault = ShardClusterMechanism.fromOptions(Map.of());
        ShardClusterMechanism moved = ShardClusterMechanism.fromOptions(Map.of("client-port", "7000"));

        assertThat(byDefault.frontDoor(0)).hasValue("resp 127.0.0.1:6400  placement (the routing table)");
        assertThat(moved.frontDoor(2)).hasValue("resp 127.0.0.1:7002  shard (first table)");
        assertThat(moved.describe()).endsWith("RESP ports from 7000");
        assertThat(moved.clientHelp()).startsWith("redis-cli -p 7000");
    }

    @Test
    void clientCommandsAreTheRoutersOperations() {
        ShardClusterMechanism shards = ShardClusterMechanism.fromOptions(Map.of());

        assertThat(shards.parse(List.of("put", "k", "5")))
                .isEqualTo(new ClientCommand.Invoke(ShardRouter.PUT, "k", 5L));
        assertThat(shards.parse(List.of("del", "k"))).isEqualTo(new ClientCommand.Invoke(ShardRouter.DEL, "k", null));
        assertThat(shards.parse(List.of("scan", "a", "b")))
                .isEqualTo(new ClientCommand.Invoke(ShardRouter.RANGE, "a", "b"));
        assertThat(shards.parse(List.of("put", "k", "five")))
                .isEqualTo(new ClientCommand.Invalid(
                        "values are whole numbers (the sharded store keeps longs), got 'five'"));
        assertThat(shards.parse(List.of("scan", "a"))).isInstanceOf(ClientCommand.Invalid.class);
    }

    @Test
    void badOptionsSayWhatWasWrong() {
        assertThatThrownBy(() -> ShardClusterOptions.parse(Map.of("partitioner", "modulo")))
                .hasMessage("--partitioner must be hash, consistent or range, got 'modulo'");
        assertThatThrownBy(() -> ShardClusterOptions.parse(Map.of("shards", "0")))
                .hasMessage("--shards must be between 1 and 32, got 0");
        assertThatThrownBy(() -> ShardClusterOptions.parse(Map.of("n", "3")))
                .hasMessageStartingWith("shards takes --shards, --spares, --partitioner, --tokens and --resp-port");
        assertThatThrownBy(() -> ShardClusterOptions.parse(Map.of("client-port", "65533")))
                .hasMessage("--resp-port must leave room for one port per node below 65536, got 65533");
        assertThatThrownBy(() -> ShardClusterOptions.parse(Map.of("client-port", "x")))
                .hasMessage("--resp-port takes a whole number, got 'x'");

        ClusterCommandTest.Result nodes =
                ClusterCommandTest.sdlab("cluster", "start", "shards", "--nodes", "3", "--dir", directory.toString());
        assertThat(nodes.exitCode()).isEqualTo(2);
        assertThat(nodes.err()).contains("shards runs 5 processes", "set --shards and --spares, not --nodes");
    }
}
