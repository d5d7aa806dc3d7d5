package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

/**
 * The join experiment of {@link ShardsClusterTest} with chapter 15's planted bug in the writers' routers: told by a
 * shard that their table is stale, they take its epoch number but keep their old table. The shard then sees a
 * current epoch and serves keys it gave away, so writes to moved keys land on their old owners, are acknowledged,
 * and a correct reader never finds them: the check that passes for correct routers must fail here.
 */
class ShardsPlantedBugClusterTest {

    @Test
    void routersThatKeepAStaleTableLoseAcknowledgedWritesAfterAJoin(@TempDir Path directory) throws Exception {
        try (ShardTestCluster cluster =
                ShardTestCluster.start(directory, Map.of("partitioner", "consistent", "shards", "3", "spares", "1"))) {
            JoinUnderWrites.Result result = JoinUnderWrites.run(
                    cluster,
                    NodeId.of("n5"),
                    2_000,
                    4,
                    Duration.ofMillis(500),
                    Duration.ofMillis(1_000),
                    Map.of(
                            "partitioner",
                            "consistent",
                            "shards",
                            "3",
                            "spares",
                            "1",
                            "planted-bug",
                            "keep-stale-table"));

            System.out.printf(
                    "shards join, planted bug: %d writes acknowledged (%d after the join), %d unreadable, e.g. %s%n",
                    result.acknowledged(),
                    result.acknowledgedAfterChange(),
                    result.unreadable().size(),
                    result.unreadable().stream().limit(3).toList());
            assertThat(result.change()).isInstanceOf(Outcome.Ok.class);
            assertThat(result.unreadable()).isNotEmpty();
        }
    }
}
