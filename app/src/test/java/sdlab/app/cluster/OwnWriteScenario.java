package sdlab.app.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import sdlab.app.cluster.jepsen.ConsistencyClaim;
import sdlab.app.cluster.jepsen.Judgement;
import sdlab.check.causal.CausalReport;
import sdlab.check.history.Operations;
import sdlab.check.linear.CheckLimits;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;

/**
 * A client's own write kept from part of a real three-replica causal cluster, at {@code --level session-token}: n1 is
 * cut off from n2 and n3, one client writes x = 1 (to whichever replica its seeded random picks) and then reads x
 * twelve times, each read to a replica picked the same way. A replica on the writer's side answers 1; one on the
 * other side has not applied the write the token names, so a correct replica holds the read and refuses it when its
 * wait ends, while one that ignores the token (the planted bug {@code token-ignored}) answers nil, a value the client's
 * own write had overwritten, which the causal checker {@code cluster test causal} uses reports. The random nemesis
 * breaks read-your-writes this way only when a partition and a client's next request line up; this arranges it.
 */
final class OwnWriteScenario {
    private static final int READS = 12;

    /** The reads' outcomes, in order, and the checker's report on the history. */
    record Result(List<Outcome> reads, CausalReport report) {}

    private final List<Op> ops = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    /** Runs the scenario on a fresh cluster in {@code directory}, with the mechanism's {@code options}. */
    static Result run(Path directory, Map<String, String> options) throws Exception {
        return new OwnWriteScenario().runOn(directory, options);
    }

    private Result runOn(Path directory, Map<String, String> options) throws Exception {
        CausalClusterMechanism mechanism = CausalClusterMechanism.fromOptions(options);
        try (ProcessCluster cluster = ProcessCluster.start(
                directory, CausalClusterMechanism.NAME, options, 3, 7, ClusterMechanisms.LAUNCHER, line -> {})) {
            try (ClientHost client = ClientHost.start(
                    NodeId.of("c1"),
                    cluster.addresses(),
                    mechanism.client(cluster.nodes()),
                    mechanism.family(),
                    7,
                    line -> {})) {
                awaitConnected(client, cluster.nodes());
                List<NodeId> nodes = cluster.nodes();
                cluster.partition(List.of(List.of(nodes.get(0)), List.of(nodes.get(1), nodes.get(2))));
                Outcome written = invoke(client, "write", 1L);
                if (!(written instanceof Outcome.Ok)) {
                    throw new AssertionError("a first write waits for nothing, yet: " + written);
                }
                List<Outcome> reads = new ArrayList<>();
                for (int i = 0; i < READS; i++) {
                    reads.add(invoke(client, "read", null));
                }
                Judgement judgement = new ConsistencyClaim.Causal()
                        .judge("scenario", "", Operations.of(History.of(ops)), CheckLimits.unlimited());
                return new Result(reads, ((Judgement.Causality) judgement).report());
            } finally {
                cluster.stop();
            }
        }
    }

    private static void awaitConnected(ClientHost client, List<NodeId> nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.connectedTo(nodes) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** One operation on x, recorded as the cluster test records it: the invocation, then how it ended. */
    private Outcome invoke(ClientHost client, String f, Object value) throws Exception {
        ops.add(Op.invoke(0, f, "x", value, now()));
        Outcome outcome = client.invoke(0, f, "x", value).get(30, TimeUnit.SECONDS);
        ops.add(
                switch (outcome) {
                    case Outcome.Ok ok -> Op.ok(0, f, "x", f.equals("read") ? ok.value() : value, now());
                    case Outcome.Fail fail -> Op.fail(0, f, "x", value, now(), fail.reason());
                    case Outcome.Unknown unknown -> Op.info(0, f, "x", value, now(), unknown.reason());
                });
        return outcome;
    }

    private long now() {
        return System.nanoTime() - startNanos;
    }
}
