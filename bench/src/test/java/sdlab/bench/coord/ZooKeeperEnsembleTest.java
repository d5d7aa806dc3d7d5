package sdlab.bench.coord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import sdlab.bench.peer.Scratch;

class ZooKeeperEnsembleTest {
    @Test
    void threeServersElectALeaderReplicateAWriteAndAreAllGoneAfterClose() throws Exception {
        // The launcher's ensemble is a real quorum: a write through server 1 is read back from
        // server 3, and closing it leaves none of the three JVMs running.
        List<Long> pids = new ArrayList<>();
        try (Scratch scratch = Scratch.create("zk-ensemble-test-");
                ZooKeeperEnsemble ensemble = ZooKeeperEnsemble.start(3, scratch, line -> {})) {
            pids.addAll(ensemble.pids());
            List<String> servers = List.of(ensemble.connectString().split(","));
            assertThat(servers).hasSize(3);
            assertThat(ensemble.describe()).contains("ZooKeeper 3.9.5", "3 servers", "forceSync=yes");
            try (ZooKeeper first = Sessions.connect(servers.get(0), Duration.ofSeconds(30));
                    ZooKeeper third = Sessions.connect(servers.get(2), Duration.ofSeconds(30))) {
                first.create("/replicated", "x".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                third.sync("/replicated");
                assertThat(third.getData("/replicated", false, null)).isEqualTo("x".getBytes());
            }
        }
        assertThat(pids).hasSize(3);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("ZooKeeper server %d after close", pid)
                .isNotEqualTo(java.util.Optional.of(true)));
    }
}
