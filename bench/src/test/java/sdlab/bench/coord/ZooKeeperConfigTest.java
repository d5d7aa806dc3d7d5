package sdlab.bench.coord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZooKeeperConfigTest {
    @Test
    void zooKeeperServersGetDurableQuorumConfigsAndAStandaloneGetsNone() {
        // Every server of the ensemble fsyncs its writes and lists all three; one server alone runs standalone.
        ZooKeeperConfig three = new ZooKeeperConfig(List.of(1, 2, 3), List.of(11, 12, 13), List.of(21, 22, 23));
        String second = three.text(2, Path.of("/data/zk2"));

        assertThat(second.lines())
                .contains(
                        "forceSync=yes",
                        "clientPort=2",
                        "dataDir=/data/zk2",
                        "admin.enableServer=false",
                        "server.1=127.0.0.1:11:21",
                        "server.2=127.0.0.1:12:22",
                        "server.3=127.0.0.1:13:23");
        assertThat(three.connectString()).isEqualTo("127.0.0.1:1,127.0.0.1:2,127.0.0.1:3");
        assertThat(new ZooKeeperConfig(List.of(1), List.of(11), List.of(21)).text(1, Path.of("/d")))
                .doesNotContain("server.");
    }
}
