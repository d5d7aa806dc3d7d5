package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.shard.store.RoutingTable;

/**
 * The sharded store's RESP doors in a real cluster: redis-cli itself writes and reads through them, and a shard that
 * joins while clients read through the doors loses and misreads nothing, since the doors' routers refresh their table
 * when a shard says it is stale. {@link ShardsRespPlantedBugClusterTest} shows the same check failing for routers
 * that do not.
 */
class ShardsRespClusterTest {
    static final Map<String, String> CORRECT = Map.of("partitioner", "consistent", "shards", "3", "spares", "1");
    private static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");

    @Test
    void redisCliTalksToTheDoorsAndAJoinUnderReadsLosesNothing(@TempDir Path directory) throws Exception {
        int base = ReplTestCluster.freePortRange(5);
        try (ShardTestCluster cluster = ShardTestCluster.start(directory, withPorts(CORRECT, base))) {
            redisCliSetsAndGets(base);

            JoinThroughTheDoor.Result result =
                    JoinThroughTheDoor.run(cluster, List.of(base, base + 1, base + 3), NodeId.of("n5"), CORRECT);

            System.out.printf(
                    "shards door, join: %d gets through the doors during it, %d misread; %d writes acknowledged"
                            + " after, %d wrong through a door, %d through a router%n",
                    result.readsDuringJoin(),
                    result.misreadsDuringJoin(),
                    result.acknowledgedAfterJoin(),
                    result.wrongThroughDoor().size(),
                    result.wrongThroughRouter().size());
            assertThat(result.change()).isInstanceOf(Outcome.Ok.class);
            assertThat(result.readsDuringJoin()).isGreaterThanOrEqualTo(2L * JoinThroughTheDoor.KEYS);
            assertThat(result.misreadsDuringJoin()).isZero();
            assertThat(result.acknowledgedAfterJoin()).isEqualTo(JoinThroughTheDoor.KEYS);
            assertThat(result.wrongThroughDoor()).isEmpty();
            assertThat(result.wrongThroughRouter()).isEmpty();
            // n5's door has served nothing yet: its routers learn the new table from the first shard that refuses
            // their old epoch, and its INFO shows the table they hold then.
            try (RespTestClient client = new RespTestClient(base + 4)) {
                assertThat(client.call("GET", "key:1")).isEqualTo("2");
                assertThat((String) client.call("INFO", "sharding")).contains("epoch:1\r\n", "shard_nodes:n2,n3,n4,n5");
                assertThat(client.call("SHARDS.WHERE", "key:1")).isEqualTo(List.of(owner(cluster, "key:1"), 1L));
            }
        }
    }

    private static String owner(ShardTestCluster cluster, String key) throws Exception {
        try (ShardsAdmin admin = cluster.admin()) {
            RoutingTable table = (RoutingTable) ((Outcome.Ok) admin.table()).value();
            return table.partitioner().ownerOf(key).name();
        }
    }

    /** SET, GET, MGET and DEL with the real redis-cli, one process per command; skipped where it is not installed. */
    private static void redisCliSetsAndGets(int port) throws Exception {
        if (!Files.isExecutable(REDIS_CLI)) {
            System.out.println("redis-cli is not installed at " + REDIS_CLI + ": its part of the test is skipped");
            return;
        }
        assertThat(redisCli(port, "SET", "cli:a", "41")).isEqualTo("OK");
        assertThat(redisCli(port + 2, "SET", "cli:b", "42")).isEqualTo("OK");
        assertThat(redisCli(port + 1, "GET", "cli:a")).isEqualTo("41");
        assertThat(redisCli(port, "MGET", "cli:a", "cli:b", "cli:none")).isEqualTo("41\n42");
        assertThat(redisCli(port + 3, "DEL", "cli:b", "cli:none")).isEqualTo("1");
        assertThat(redisCli(port, "MGET", "cli:a", "cli:b")).isEqualTo("41");
        assertThat(redisCli(port, "GET", "cli:a", "extra"))
                .isEqualTo("ERR wrong number of arguments for 'get' command");
    }

    private static String redisCli(int port, String... command) throws Exception {
        List<String> words = new ArrayList<>(List.of(REDIS_CLI.toString(), "-p", Integer.toString(port)));
        words.addAll(List.of(command));
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor(60, TimeUnit.SECONDS), "redis-cli did not finish");
        return output.replaceAll("\n+$", ""); // redis-cli ends an error with an empty line, MGET a nil with one
    }

    static Map<String, String> withPorts(Map<String, String> options, int base) {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("client-port", Integer.toString(base));
        return all;
    }
}
