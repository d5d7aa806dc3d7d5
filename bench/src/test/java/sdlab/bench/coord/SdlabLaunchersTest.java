package sdlab.bench.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdlabLaunchersTest {
    @Test
    void aNodeCountWithoutALauncherIsRefusedPlainlyUntilOneIsRegistered() throws Exception {
        // The bench module alone starts only the standalone node; the app hands in the 3-node launcher.
        SdlabLaunchers standalone = SdlabLaunchers.standalone();
        assertThatThrownBy(() -> standalone.forNodes(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no 3-node coord cluster is offered")
                .hasMessageContaining("[1]")
                .hasMessageContaining("--sdlab-connect");

        Ensemble three = new ConnectedEnsemble("127.0.0.1:1,127.0.0.1:2,127.0.0.1:3", "three nodes");
        SdlabLaunchers withCluster = standalone.with(3, scratch -> three);

        assertThat(withCluster.forNodes(3).start(null)).isSameAs(three);
        assertThat(withCluster.forNodes(1)).isNotNull();
    }
}
