package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.kv.causal.CausalClient;
import sdlab.kv.causal.CausalConfig;
import sdlab.runtime.cluster.ClusterMechanism.ClientCommand;

/** How {@code cluster start causal} reads its options and commands, and which replica each client it makes talks to. */
class CausalClusterMechanismTest {
    private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));

    @Test
    void everyProcessBuildsTheSameConfigurationFromTheOptions() {
        // Shows: no option gives the correct store; the hidden planted bug switches the replicas' dependency check off.
        CausalConfig plain = CausalClusterMechanism.fromOptions(Map.of()).config(NODES);
        CausalConfig planted = CausalClusterMechanism.fromOptions(
                        Map.of("planted-bug", "shows-write-before-dependency"))
                .config(NODES);

        assertThat(plain.bug()).isEqualTo(CausalConfig.Bug.NONE);
        assertThat(plain.replicas()).isEqualTo(NODES);
        assertThat(plain.clientMode()).isEqualTo(CausalConfig.ClientMode.LOCAL_REPLICA);
        assertThat(planted.bug()).isEqualTo(CausalConfig.Bug.SHOWS_WRITE_BEFORE_DEPENDENCY);
        assertThat(CausalClusterMechanism.fromOptions(Map.of()).config(NODES)).isEqualTo(plain);
    }

    @Test
    void unknownOptionsAndBugsAreRefusedWithWhatIsAccepted() {
        assertThatThrownBy(() -> CausalClusterMechanism.fromOptions(Map.of("variant", "n3r2w2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no option 'variant'")
                .hasMessageContaining("planted-bug");
        assertThatThrownBy(() -> CausalClusterMechanism.fromOptions(Map.of("planted-bug", "no-sync")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shows-write-before-dependency");
        assertThatThrownBy(() -> CausalClusterMechanism.fromOptions(Map.of("level", "eventual")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session-token");
    }

    @Test
    void theSessionTokenLevelSendsEachOperationToAnyReplicaWithTheToken() {
        // Shows: --level session-token is the client mode chapter 1's session-token ledger uses; the replicas are the
        // same; the planted bug token-ignored makes them serve without waiting for the token.
        CausalClusterMechanism token = CausalClusterMechanism.fromOptions(Map.of("level", "session-token"));
        CausalConfig planted = CausalClusterMechanism.fromOptions(
                        Map.of("level", "Session-Token", "planted-bug", "token-ignored"))
                .config(NODES);

        assertThat(token.config(NODES).clientMode()).isEqualTo(CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN);
        assertThat(token.describe()).contains("session-token");
        assertThat(planted.bug()).isEqualTo(CausalConfig.Bug.TOKEN_IGNORED);
        assertThat(CausalClusterMechanism.fromOptions(Map.of("level", "causal")).config(NODES))
                .isEqualTo(CausalClusterMechanism.fromOptions(Map.of()).config(NODES));
    }

    @Test
    void clientsTakeTheReplicasInTurnAndAOneOffClientARunningOne() {
        // Shows: the clients of a test are spread over the sites; a command-line client goes to a live replica.
        CausalClusterMechanism mechanism = CausalClusterMechanism.fromOptions(Map.of());

        assertThat(List.of(home(mechanism.client(NODES)), home(mechanism.client(NODES)), home(mechanism.client(NODES))))
                .containsExactlyElementsOf(NODES);
        CausalClusterMechanism fresh = CausalClusterMechanism.fromOptions(Map.of());
        assertThat(home(fresh.client(NODES, List.of(NodeId.of("n2"), NodeId.of("n3")))))
                .isEqualTo(NodeId.of("n2"));
    }

    @Test
    void putAndGetAreTheClientsWriteAndRead() {
        CausalClusterMechanism mechanism = CausalClusterMechanism.fromOptions(Map.of());

        assertThat(mechanism.parse(List.of("put", "k", "12")))
                .isEqualTo(new ClientCommand.Invoke(CausalClient.WRITE, "k", 12L));
        assertThat(mechanism.parse(List.of("put", "k", "v")))
                .isEqualTo(new ClientCommand.Invoke(CausalClient.WRITE, "k", "v"));
        assertThat(mechanism.parse(List.of("get", "k")))
                .isEqualTo(new ClientCommand.Invoke(CausalClient.READ, "k", null));
        assertThat(mechanism.parse(List.of("cas", "k", "1", "2"))).isInstanceOf(ClientCommand.Invalid.class);
        assertThat(mechanism.parse(List.of("get"))).isInstanceOf(ClientCommand.Invalid.class);
    }

    private static NodeId home(sdlab.core.client.Client client) {
        return ((CausalClient) client).home();
    }
}
