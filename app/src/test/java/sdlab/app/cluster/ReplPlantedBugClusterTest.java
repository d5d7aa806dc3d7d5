package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test can fail: with a door that answers a SET before the node acknowledges the commit (a planted bug),
 * semi-sync AFTER_SYNC no longer protects what the client was told, and SIGKILL of the primary loses acknowledged
 * writes that the same test finds none of without the bug ({@link ReplSemiSyncClusterTest}).
 */
class ReplPlantedBugClusterTest {

    @Test
    void aDoorThatAcknowledgesBeforeTheCommitLosesAcknowledgedWritesOnKill(@TempDir Path directory) throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(
                directory, Map.of("mode", "semi-sync", "acks", "1", "planted-bug", "ack-before-commit"))) {
            // The replicas are cut off for the last 500 ms, well within the semi-sync timeout (10 s by default): a
            // correct door acknowledges nothing then. (Killed without the cut, this bug lost 0 to 832 writes: whether
            // it
            // showed depended on timing, and a quiet CI machine once saw 0.)
            KillDuringWrites.Result result =
                    KillDuringWrites.run(cluster, 8, Duration.ofMillis(1000), Duration.ofMillis(500));

            System.out.printf(
                    "planted bug (door acks before the commit), semi-sync: %d writes acknowledged, %d lost%n",
                    result.acknowledged().size(), result.lost().size());
            assertThat(result.lost()).as("acknowledged writes lost").isNotEmpty();
        }
    }

    @Test
    void theCorrectDoorLosesNothingInTheSameWindow(@TempDir Path directory) throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "semi-sync", "acks", "1"))) {
            KillDuringWrites.Result result =
                    KillDuringWrites.run(cluster, 8, Duration.ofMillis(1000), Duration.ofMillis(500));

            System.out.printf(
                    "correct door, semi-sync, replicas cut for the last 500 ms: %d writes acknowledged, %d lost%n",
                    result.acknowledged().size(), result.lost().size());
            assertThat(result.acknowledged())
                    .as("the loop wrote before the cut")
                    .hasSizeGreaterThan(20);
            assertThat(result.lost()).as("acknowledged writes lost").isEmpty();
        }
    }
}
