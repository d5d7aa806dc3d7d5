package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.repl.ReplConfig;
import sdlab.repl.server.DoorSettings;

/**
 * {@code cluster start repl}'s options become the store's configuration the chapters use, and a mistake gets one
 * line that says what to type instead, before any process starts.
 */
class ReplClusterOptionsTest {
    @TempDir
    Path directory;

    @Test
    void theDefaultsAreTwoAsynchronousReplicasWithFailoverAndRespFrom6380() {
        ReplClusterOptions options = ReplClusterOptions.parse(Map.of());

        assertThat(options.replicas()).isEqualTo(2);
        assertThat(options.config().mode()).isEqualTo(ReplConfig.Mode.ASYNC);
        assertThat(options.failover()).isTrue();
        assertThat(options.respPortBase()).isEqualTo(6380);
        assertThat(options.nodeCount()).isEqualTo(5);
    }

    @Test
    void modesAcknowledgementsAndTimeoutReachTheConfiguration() {
        ReplConfig semiSync = ReplClusterOptions.parse(Map.of(
                        "replicas", "3",
                        "mode", "semi-sync",
                        "wait-point", "after-commit",
                        "acks", "2",
                        "semi-sync-timeout-ms", "500"))
                .config();
        ReplConfig sync = ReplClusterOptions.parse(Map.of("mode", "sync", "sync-level", "remote-apply"))
                .config();

        assertThat(semiSync.modeName()).isEqualTo("semisync-after-commit");
        assertThat(semiSync.replicas()).hasSize(3);
        assertThat(semiSync.acksRequired()).isEqualTo(2);
        assertThat(semiSync.timeoutNanosSemiSync()).isEqualTo(500_000_000L);
        assertThat(sync.modeName()).isEqualTo("sync-remote-apply");
        assertThat(ReplClusterOptions.parse(Map.of("failover", "none")).nodeCount())
                .isEqualTo(3);
        assertThat(ReplClusterOptions.parse(Map.of("mode", "sync", "failover", "lease-fenced"))
                        .fenced())
                .isTrue();
    }

    @Test
    void thePlantedBugsReachTheDoorOrTheNode() {
        ReplClusterOptions door = ReplClusterOptions.parse(Map.of("planted-bug", "ack-before-commit"));
        assertThat(door.doorBug()).isEqualTo(DoorSettings.Bug.ACK_BEFORE_COMMIT);
        assertThat(door.config().bug()).isEqualTo(ReplConfig.Bug.NONE);
        ReplClusterOptions node = ReplClusterOptions.parse(Map.of("planted-bug", "serves-before-snapshot"));
        assertThat(node.doorBug()).isEqualTo(DoorSettings.Bug.NONE);
        assertThat(node.config().bug()).isEqualTo(ReplConfig.Bug.SERVES_BEFORE_SNAPSHOT);
        assertThat(ReplClusterOptions.parse(Map.of("planted-bug", "snapshot-base-in-memory"))
                        .config()
                        .bug())
                .isEqualTo(ReplConfig.Bug.SNAPSHOT_BASE_IN_MEMORY);
        assertThat(ReplClusterOptions.parse(Map.of("planted-bug", "primary-forgets-added-replicas"))
                        .config()
                        .bug())
                .isEqualTo(ReplConfig.Bug.PRIMARY_FORGETS_ADDED_REPLICAS);
        assertThat(ReplClusterOptions.parse(Map.of("planted-bug", "joiner-waits-for-first-primary"))
                        .config()
                        .bug())
                .isEqualTo(ReplConfig.Bug.JOINER_WAITS_FOR_FIRST_PRIMARY);
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("planted-bug", "lose-everything")))
                .hasMessage("--planted-bug is none, ack-before-commit, serves-before-snapshot,"
                        + " snapshot-base-in-memory, primary-forgets-added-replicas or joiner-waits-for-first-primary,"
                        + " not 'lose-everything'");
    }

    @Test
    void theHealthCheckIsTheLeaseUnlessPortOrQueryIsChosen() {
        assertThat(ReplClusterOptions.parse(Map.of()).health()).isEqualTo(ReplClusterOptions.Health.LEASE);
        assertThat(ReplClusterOptions.parse(Map.of("health", "port")).health())
                .isEqualTo(ReplClusterOptions.Health.PORT);
        assertThat(ReplClusterOptions.parse(Map.of("health", "QUERY")).health())
                .isEqualTo(ReplClusterOptions.Health.QUERY);
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("health", "ping")))
                .hasMessage("--health is lease, port or query, not 'ping'");
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("health", "port", "failover", "none")))
                .hasMessageContaining("with --failover none there is none");
    }

    @Test
    void badOptionsSayWhatWasWrong() {
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("mode", "quick")))
                .hasMessage("--mode is async, semi-sync or sync, not 'quick'");
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("mode", "semi-sync", "acks", "3")))
                .hasMessage("--acks must be between 1 and 2, not 3");
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("mode", "semi-sync", "failover", "lease-fenced")))
                .hasMessageStartingWith("--failover lease-fenced needs --mode sync");
        assertThatThrownBy(() -> ReplClusterOptions.parse(Map.of("variant", "n3r2w2")))
                .hasMessageStartingWith("the replicated store takes the options ");

        ClusterCommandTest.Result nodes =
                ClusterCommandTest.sdlab("cluster", "start", "repl", "--nodes", "3", "--dir", directory.toString());
        assertThat(nodes.exitCode()).isEqualTo(2);
        assertThat(nodes.err()).contains("repl runs 5 processes", "set --replicas, not --nodes");
    }
}
