package sdlab.coord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.coord.server.ClientMessages.Close;
import sdlab.coord.server.ClientMessages.Connect;
import sdlab.coord.server.ClientMessages.Handshaken;
import sdlab.coord.server.ScriptedConnection.Step;
import sdlab.coord.wire.ConnectRequest;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;

/**
 * How a replicated server answers handshakes, as ZooKeeper's do: timeouts clamped to 2..20 ticks,
 * a session resumed on another server only with its password, a session that server has not
 * applied yet checked through the log first, a client that has seen a later zxid refused, and no
 * new session beyond the bound.
 */
class CoordReplicaHandshakeTest {
    private static final List<NodeId> SERVERS = List.of(NodeId.of("z1"), NodeId.of("z2"), NodeId.of("z3"));
    private static final byte[] NO_PASSWORD = new byte[16];

    private static ScriptedConnection run(ReplicaConfig config, List<Step> steps) {
        ScriptedConnection connection = new ScriptedConnection(steps);
        Simulation.Builder builder = Simulation.builder(3)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
        SERVERS.forEach(server -> builder.addNode(server, id -> new CoordReplica(id, SERVERS, config)));
        builder.addClient(NodeId.of("c1"), connection);
        builder.build().run(Duration.ofSeconds(5));
        return connection;
    }

    private static ConnectRequest fresh(int timeoutMs) {
        return new ConnectRequest(0, 0, timeoutMs, 0, NO_PASSWORD, false);
    }

    private static Step at(int ms, int server, ClientMessages.ToServer message) {
        return new Step(Duration.ofMillis(ms), SERVERS.get(server), message);
    }

    private static Handshaken handshake(Message message) {
        assertThat(message).isInstanceOf(Handshaken.class);
        return (Handshaken) message;
    }

    @Test
    void timeoutsAreClampedToTwoToTwentyTicks() {
        ReplicaConfig config = ReplicaConfig.defaults().withTickTimeMs(100);
        ScriptedConnection low = run(config, List.of(at(1_000, 0, new Connect(fresh(10)))));
        ScriptedConnection high = run(config, List.of(at(1_000, 1, new Connect(fresh(60_000)))));
        assertThat(handshake(low.received.getFirst()).response().timeOutMs()).isEqualTo(200);
        assertThat(handshake(high.received.getFirst()).response().timeOutMs()).isEqualTo(2_000);
    }

    @Test
    void aSessionMovesToAnotherServerWithItsPasswordAndNotWithout() {
        ReplicaConfig config = ReplicaConfig.defaults();
        ScriptedConnection opener = run(config, List.of(at(1_000, 0, new Connect(fresh(4_000)))));
        Handshaken opened = handshake(opener.received.getFirst());
        long session = opened.response().sessionId();
        byte[] password = opened.response().passwd();
        assertThat(opened.accepted()).isTrue();

        // The same seed replays the same run: the session is opened again with the same id and
        // password, and then resumed elsewhere, right after (before z3 may have applied it) and later.
        ScriptedConnection mover = run(
                config,
                List.of(
                        at(1_000, 0, new Connect(fresh(4_000))),
                        at(1_200, 2, new Connect(new ConnectRequest(0, 0, 4_000, session, password, false))),
                        at(1_400, 1, new Connect(new ConnectRequest(0, 0, 4_000, session, NO_PASSWORD, false)))));
        assertThat(mover.received).hasSize(3);
        assertThat(handshake(mover.received.get(1)).accepted()).isTrue();
        assertThat(handshake(mover.received.get(1)).response().sessionId()).isEqualTo(session);
        Handshaken wrongPassword = handshake(mover.received.get(2));
        assertThat(wrongPassword.accepted()).isFalse();
        assertThat(wrongPassword.response().timeOutMs())
                .as("0 tells the client its session expired")
                .isZero();
    }

    @Test
    void anUnknownSessionIsDeclaredExpiredAfterTheServerCaughtUp() {
        ScriptedConnection connection = run(
                ReplicaConfig.defaults(),
                List.of(at(1_000, 1, new Connect(new ConnectRequest(0, 0, 4_000, 12_345, NO_PASSWORD, false)))));
        Handshaken answer = handshake(connection.received.getFirst());
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.response().timeOutMs()).isZero();
    }

    @Test
    void aClientThatHasSeenALaterZxidIsNotServed() {
        ScriptedConnection connection = run(
                ReplicaConfig.defaults(),
                List.of(at(1_000, 0, new Connect(new ConnectRequest(0, 1_000_000, 4_000, 0, NO_PASSWORD, false)))));
        assertThat(connection.received).containsExactly(new Close());
    }

    @Test
    void noSessionIsOpenedBeyondTheBound() {
        ReplicaConfig config = new ReplicaConfig(ReplicaConfig.defaults().raft(), 2_000, 1, 1_200, 60_000);
        ScriptedConnection connection =
                run(config, List.of(at(1_000, 0, new Connect(fresh(4_000))), at(1_500, 1, new Connect(fresh(4_000)))));
        assertThat(handshake(connection.received.get(0)).accepted()).isTrue();
        assertThat(handshake(connection.received.get(1)).accepted()).isFalse();
    }
}
