package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import sdlab.consensus.raft.Command.KeyValue;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ClusterMechanism.ClientCommand;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;

/**
 * The Raft store's multi-key transaction over TCP, as {@code sdlab cluster client raft txn ...}
 * sends it: three node processes, the client's words parsed as the CLI parses them, the command
 * and its result carried by the wire codec. A transfer moves money when the payer covers it and
 * moves nothing when it does not, also after the leader is killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaftTxnClusterTest {
    private final RaftClusterMechanism mechanism = RaftClusterMechanism.fromOptions(Map.of());
    private ProcessCluster cluster;
    private ClientHost client;

    @BeforeAll
    void startCluster(@TempDir Path directory) throws Exception {
        cluster = ProcessCluster.start(
                directory, RaftClusterMechanism.NAME, Map.of(), 3, 5, ClusterMechanisms.LAUNCHER, line -> {});
        client = ClientHost.start(
                NodeId.of("c1"),
                cluster.addresses(),
                mechanism.client(cluster.nodes()),
                RaftMessage.class,
                7,
                line -> {});
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!client.connectedTo(cluster.running()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterAll
    void stopCluster() {
        client.close();
        cluster.stop();
        cluster.close();
    }

    @Test
    void aTransferMovesMoneyOnlyWhenThePayerCoversItAndSaysWhatItFound() throws Exception {
        assertThat(run("txn a absent b absent then put a 100 put b 0"))
                .isEqualTo(Outcome.ok(new TxnResult(
                        true, TxnResult.NONE_FAILED, List.of(new KeyValue("a", null), new KeyValue("b", null)))));

        TxnResult moved = txn("txn a >= 30 then add a -30 add b 30");
        TxnResult refused = txn("txn a >= 80 then add a -80 add b 80");

        assertThat(moved.succeeded()).isTrue();
        assertThat(moved.before()).containsExactly(new KeyValue("a", 100L), new KeyValue("b", 0L));
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.failedCondition()).isZero();
        assertThat(refused.before()).containsExactly(new KeyValue("a", 70L), new KeyValue("b", 30L));
        assertThat(run("get a")).isEqualTo(Outcome.ok(70L));
        assertThat(run("get b")).isEqualTo(Outcome.ok(30L));
        assertThat(mechanism.render(Outcome.ok(refused)))
                .isEqualTo("not applied: condition 1 failed; before: a=70 b=30");
    }

    @Test
    void aTransactionCommitsWhicheverNodeIsKilledTheLeaderIncluded() throws Exception {
        // Each node in turn is killed (one of them leads when it is), a transaction runs, the
        // node comes back: a retried transaction applies once, so x grows by exactly one each time.
        assertThat(txn("txn x absent then put x 5").succeeded()).isTrue();
        for (NodeId node : cluster.nodes()) {
            cluster.kill(node);
            try {
                assertThat(txn("txn x >= 5 then add x 1 put y " + node.name()).succeeded())
                        .isTrue();
            } finally {
                cluster.restart(node);
            }
        }
        assertThat(run("get x")).isEqualTo(Outcome.ok(8L));
        assertThat(run("get y")).isEqualTo(Outcome.ok("n3"));
    }

    @Test
    void badWordsAreRefusedWithTheUsage() {
        assertThat(mechanism.parse(List.of("txn", "a", ">=", "ten", "then")))
                .isInstanceOf(ClientCommand.Invalid.class)
                .hasToString("Invalid[reason='ten' is not a whole number; " + RaftTxnWords.USAGE + "]");
        assertThat(mechanism.parse(List.of("txn", "a", "absent"))).isInstanceOf(ClientCommand.Invalid.class);
    }

    private TxnResult txn(String words) throws Exception {
        Outcome outcome = run(words);
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return (TxnResult) ((Outcome.Ok) outcome).value();
    }

    private Outcome run(String words) throws Exception {
        ClientCommand.Invoke invoke = (ClientCommand.Invoke) mechanism.parse(List.of(words.split(" ")));
        return client.invoke(0, invoke.f(), invoke.key(), invoke.value()).get(30, TimeUnit.SECONDS);
    }
}
