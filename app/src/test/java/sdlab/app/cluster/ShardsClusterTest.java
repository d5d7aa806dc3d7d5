package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardMessage.ChangeInForce;

/**
 * Chapter 15's sharded store as real processes: the placement node, the shards and the spare run the {@code shard}
 * module's node classes, the test's routers its {@code ShardRouter}, all over TCP.
 */
class ShardsClusterTest {
    private static final NodeId N2 = NodeId.of("n2");
    private static final NodeId N5 = NodeId.of("n5");

    @Test
    void putsGetsAndScansSpanTheShardsAndSurviveAShardLeaving(@TempDir Path directory) throws Exception {
        // Shows: keys cut into ranges land on three shards, a scan gathers exactly its range from them, and when a
        // shard leaves, its keys move to the others and every one still reads back.
        try (ShardTestCluster cluster = ShardTestCluster.start(
                        directory, Map.of("partitioner", "range", "shards", "3", "spares", "1"));
                ShardTestCluster.Router router = cluster.router("client", Map.of())) {
            SortedMap<String, Long> written = new TreeMap<>();
            for (int i = 0; i < 90; i++) {
                // First characters 0-9, a-z: the ranges of all three shards.
                String key = Character.forDigit(i % 36, 36) + "-" + i;
                assertThat(router.put(key, i)).isEqualTo(Outcome.ok((long) i));
                written.put(key, (long) i);
            }
            for (var entry : written.entrySet()) {
                assertThat(router.get(entry.getKey())).isEqualTo(Outcome.ok(entry.getValue()));
            }
            assertThat(router.get("absent")).isEqualTo(Outcome.ok(null));
            assertThat(router.scan("3", "c")).isEqualTo(Outcome.ok(written.subMap("3", "c")));
            assertThat(router.count()).isEqualTo(Outcome.ok(List.of(90L, 4005L)));

            try (ShardsAdmin admin = cluster.admin()) {
                Outcome left = admin.remove(N2);
                assertThat(left).isInstanceOf(Outcome.Ok.class);
                ChangeInForce change = (ChangeInForce) ((Outcome.Ok) left).value();
                assertThat(change.epoch()).isEqualTo(1);
                assertThat(change.entriesMoved()).isPositive().isLessThan(90);
                RoutingTable table = (RoutingTable) ((Outcome.Ok) admin.table()).value();
                assertThat(table.partitioner().shards()).doesNotContain(N2).hasSize(2);
                assertThat(admin.remove(N2)).isInstanceOf(Outcome.Fail.class);
            }
            for (var entry : written.entrySet()) {
                assertThat(router.get(entry.getKey())).isEqualTo(Outcome.ok(entry.getValue()));
            }
            assertThat(router.scan("", "~")).isEqualTo(Outcome.ok(written));
        }
    }

    @Test
    void aShardJoiningUnderWritesMovesAboutKOverNPrimeKeysAndLosesNoAcknowledgedWrite(@TempDir Path directory)
            throws Exception {
        // Shows: n5 joins a ring of three shards (256 tokens each) while four writers overwrite 2,000 keys; the
        // routers follow the new table, every acknowledged write reads back, and the join moves within 25% of K/N'
        // keys, the bound the shard module's simulator test holds the same partitioner to.
        try (ShardTestCluster cluster =
                ShardTestCluster.start(directory, Map.of("partitioner", "consistent", "shards", "3", "spares", "1"))) {
            JoinUnderWrites.Result result = JoinUnderWrites.run(
                    cluster, N5, 2_000, 4, Duration.ofMillis(500), Duration.ofMillis(1_000), Map.of());

            ChangeInForce change = (ChangeInForce) ((Outcome.Ok) result.change()).value();
            RoutingTable table = (RoutingTable) ((Outcome.Ok) result.tableAfter()).value();
            double minimum = result.keys() / 4.0;
            System.out.printf(
                    "shards join: %d keys; %s in force after %d ms (operator saw %d ms); %d keys (%d bytes) moved,"
                            + " %.2f x K/N'; %d writes acknowledged (%d after the join), %d unknown, %d unreadable%n",
                    result.keys(),
                    change.change(),
                    change.nanosTaken() / 1_000_000,
                    result.changeMillisSeenByOperator(),
                    change.entriesMoved(),
                    change.bytesMoved(),
                    change.entriesMoved() / minimum,
                    result.acknowledged(),
                    result.acknowledgedAfterChange(),
                    result.unknown(),
                    result.unreadable().size());
            assertThat(table.epoch()).isEqualTo(1);
            assertThat(table.partitioner().shards()).contains(N5).hasSize(4);
            assertThat(result.acknowledgedAfterChange())
                    .as("writes went on after the join")
                    .isGreaterThan(100);
            assertThat(change.entriesMoved() / minimum).isBetween(0.75, 1.25);
            assertThat(result.unreadable()).isEmpty();
        }
    }

    @Test
    void aShardKilledWithSigkillAndRestartedKeepsEveryAcknowledgedWrite(@TempDir Path directory) throws Exception {
        // Shows: a writer puts keys across three shards; n2 is killed with SIGKILL mid-stream and restarted from its
        // data directory; every write acknowledged before or after reads back with its value, from n2's log.
        try (ShardTestCluster cluster = ShardTestCluster.start(
                        directory, Map.of("partitioner", "consistent", "shards", "3", "spares", "0"));
                ShardTestCluster.Router writer = cluster.router("writer", Map.of())) {
            Map<String, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writing = Thread.ofPlatform().start(() -> {
                for (long i = 0; !stop.get(); i++) {
                    try {
                        if (writer.put("k" + i, i) instanceof Outcome.Ok) {
                            acknowledged.put("k" + i, i);
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            awaitAtLeast(acknowledged, 200);
            int beforeKill = acknowledged.size();
            cluster.processes.kill(N2);
            cluster.processes.restart(N2);
            awaitAtLeast(acknowledged, acknowledged.size() + 100);
            stop.set(true);
            writing.join(30_000);

            try (ShardTestCluster.Router reader = cluster.router("reader", Map.of())) {
                List<String> lost = new java.util.ArrayList<>();
                for (var entry : new TreeMap<>(acknowledged).entrySet()) {
                    if (!reader.get(entry.getKey()).equals(Outcome.ok(entry.getValue()))) {
                        lost.add(entry.getKey());
                    }
                }
                System.out.printf(
                        "shards kill -9: %d writes acknowledged (%d before the kill), %d lost%n",
                        acknowledged.size(), beforeKill, lost.size());
                assertThat(lost).as("acknowledged writes lost").isEmpty();
            }
        }
    }

    @Test
    void aJoinWhoseHandoffIsCutForASecondCompletesOnceTheLinkHeals(@TempDir Path directory) throws Exception {
        // Shows: while n5 joins, every frame n2 sends n5 (its handoff) and every frame n5 sends n3 (its
        // acknowledgement of n3's handoff) is dropped for 1.5 s; the shards send their handoffs again every 200 ms,
        // so the join comes in force soon after the heal, and every key written before it reads back.
        try (ShardTestCluster cluster = ShardTestCluster.start(
                        directory, Map.of("partitioner", "consistent", "shards", "3", "spares", "1"));
                ShardTestCluster.Router router = cluster.router("client", Map.of());
                ShardsAdmin admin = cluster.admin()) {
            for (int i = 0; i < 300; i++) {
                assertThat(router.put("key-" + i, i)).isEqualTo(Outcome.ok((long) i));
            }
            cluster.processes.partitionOneWay(N2, N5);
            cluster.processes.partitionOneWay(N5, NodeId.of("n3"));
            java.util.concurrent.CompletableFuture<Outcome> join =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return admin.add(N5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return Outcome.unknown("interrupted");
                        }
                    });
            Thread.sleep(1_500);
            cluster.processes.heal();
            Outcome joined = join.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(joined).isInstanceOf(Outcome.Ok.class);
            ChangeInForce change = (ChangeInForce) ((Outcome.Ok) joined).value();
            System.out.printf(
                    "shards join under a cut: in force after %d ms, %d keys moved%n",
                    change.nanosTaken() / 1_000_000, change.entriesMoved());
            assertThat(change.nanosTaken()).as("the join waited for the heal").isGreaterThan(1_000_000_000L);
            for (int i = 0; i < 300; i++) {
                assertThat(router.get("key-" + i)).isEqualTo(Outcome.ok((long) i));
            }
        }
    }

    /** Waits, generously (a loaded machine), until {@code acknowledged} holds {@code count} writes. */
    private static void awaitAtLeast(Map<String, Long> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " writes acknowledged of " + count);
            }
            Thread.sleep(10);
        }
    }
}
