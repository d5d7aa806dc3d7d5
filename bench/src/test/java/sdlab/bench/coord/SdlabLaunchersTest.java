package sdlab.bench.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdlabLaunchersTest {
    @Test
    void aNodeCountWithoutALauncherIsRefusedPlainlyUntilOneIsRegistered() throws Exception {
        // Today only the standalone node can be started; a 3-node launcher handed in later is used as is.
        SdlabLaunchers standalone = SdlabLaunchers.standalone();
        assertThatThrownBy(() -> standalone.forNodes(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the 3-node coord cluster is not available yet")
                .hasMessageContaining("[1]")
                .hasMessageContaining("--sdlab-connect");

        Ensemble three = new ConnectedEnsemble("127.0.0.1:1,127.0.0.1:2,127.0.0.1:3", "three nodes");
        SdlabLaunchers withCluster = standalone.with(3, scratch -> three);

        assertThat(withCluster.forNodes(3).start(null)).isSameAs(three);
        assertThat(withCluster.forNodes(1)).isNotNull();
    }
}
