package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

/**
 * {@link ShardsRespClusterTest}'s join under reads with chapter 15's planted bug in the doors' routers: told that
 * their table is stale, they take the shard's epoch number but keep their old table, so a moved key is still read from
 * and written to its old owner, which trusts the epoch. The check that passes for correct doors must fail here.
 */
class ShardsRespPlantedBugClusterTest {

    @Test
    void doorsWhoseRoutersKeepAStaleTableMisreadOrLoseKeysAfterAJoin(@TempDir Path directory) throws Exception {
        int base = ReplTestCluster.freePortRange(5);
        Map<String, String> buggy = new java.util.HashMap<>(ShardsRespClusterTest.CORRECT);
        buggy.put("planted-bug", "keep-stale-table");
        try (ShardTestCluster cluster =
                ShardTestCluster.start(directory, ShardsRespClusterTest.withPorts(buggy, base))) {
            JoinThroughTheDoor.Result result = JoinThroughTheDoor.run(
                    cluster, List.of(base, base + 1, base + 3), NodeId.of("n5"), ShardsRespClusterTest.CORRECT);

            System.out.printf(
                    "shards door, join, planted bug: %d gets during it, %d misread; %d writes acknowledged after,"
                            + " %d wrong through a door, %d through a correct router, e.g. %s%n",
                    result.readsDuringJoin(),
                    result.misreadsDuringJoin(),
                    result.acknowledgedAfterJoin(),
                    result.wrongThroughDoor().size(),
                    result.wrongThroughRouter().size(),
                    result.wrongThroughRouter().stream().limit(3).toList());
            assertThat(result.change()).isInstanceOf(Outcome.Ok.class);
            assertThat(result.misreadsDuringJoin()
                            + result.wrongThroughDoor().size()
                            + result.wrongThroughRouter().size())
                    .isPositive();
        }
    }
}
