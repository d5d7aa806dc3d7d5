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
 * A cause kept from one replica while its effect reaches it, on a real three-replica causal cluster, step by step:
 * the run that a random nemesis produces only now and then. Client 1 (on n1) writes x = 1, which every replica gets;
 * then n1's frames to n3 are dropped (a one-way partition) and client 1 writes x = 2. Client 2 (on n2) reads x = 2
 * and writes y = 3, which depends on it. Client 3 (on n3) polls y: a correct n3 holds y = 3 back until x = 2 arrives,
 * which it cannot while the fault lasts; a replica without the dependency check shows it, and client 3's next read of
 * x returns 1, a value its causal past had overwritten. The history is judged by the causal checker {@code cluster
 * test causal} uses.
 */
final class HiddenCauseScenario {
    private static final NodeId N1 = NodeId.of("n1");
    private static final NodeId N3 = NodeId.of("n3");
    /** Reads client 3 makes while it waits for y behind the partition: long enough for y to arrive if it may. */
    private static final Duration HELD_BACK_WAIT = Duration.ofSeconds(4);
    /** A bound on every other wait: these happen on a healthy path, but the machine may be busy. */
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(60);

    /** What the scenario saw: whether client 3 read y = 3 while the partition held, and the checker's report. */
    record Result(boolean effectSeenBeforeCause, CausalReport report, int operations) {}

    private final List<Op> ops = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    /** Runs the scenario on a fresh cluster in {@code directory}, with the mechanism's {@code options}. */
    static Result run(Path directory, Map<String, String> options) throws Exception {
        return new HiddenCauseScenario().runOn(directory, options);
    }

    private Result runOn(Path directory, Map<String, String> options) throws Exception {
        CausalClusterMechanism mechanism = CausalClusterMechanism.fromOptions(options);
        try (ProcessCluster cluster = ProcessCluster.start(
                directory, CausalClusterMechanism.NAME, options, 3, 7, ClusterMechanisms.LAUNCHER, line -> {})) {
            try (ClientHost c1 = client(cluster, mechanism, "c1"); // clients take the replicas in turn: n1, n2, n3
                    ClientHost c2 = client(cluster, mechanism, "c2");
                    ClientHost c3 = client(cluster, mechanism, "c3")) {
                ok(c1, 0, "write", "x", 1L);
                readUntil(c3, 2, "x", 1L, SETTLE_WAIT);
                cluster.partitionOneWay(N1, N3);
                ok(c1, 0, "write", "x", 2L);
                readUntil(c2, 1, "x", 2L, SETTLE_WAIT);
                ok(c2, 1, "write", "y", 3L);
                boolean effectSeen = readUntil(c3, 2, "y", 3L, HELD_BACK_WAIT);
                invoke(c3, 2, "read", "x", null);
                cluster.heal();
                readUntil(c3, 2, "y", 3L, SETTLE_WAIT);
                invoke(c3, 2, "read", "x", null);
                Judgement judgement = new ConsistencyClaim.Causal()
                        .judge("scenario", "", Operations.of(History.of(ops)), CheckLimits.unlimited());
                return new Result(effectSeen, ((Judgement.Causality) judgement).report(), ops.size() / 2);
            } finally {
                cluster.stop();
            }
        }
    }

    private static ClientHost client(ProcessCluster cluster, CausalClusterMechanism mechanism, String name)
            throws InterruptedException {
        ClientHost client = ClientHost.start(
                NodeId.of(name),
                cluster.addresses(),
                mechanism.client(cluster.nodes()),
                mechanism.family(),
                7,
                line -> {});
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.connectedTo(cluster.nodes()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return client;
    }

    /** Reads {@code key} until it returns {@code wanted} or {@code wait} has passed; whether it did. */
    private boolean readUntil(ClientHost client, int process, String key, Object wanted, Duration wait)
            throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (invoke(client, process, "read", key, null) instanceof Outcome.Ok ok && wanted.equals(ok.value())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void ok(ClientHost client, int process, String f, String key, Object value) throws Exception {
        Outcome outcome = invoke(client, process, f, key, value);
        if (!(outcome instanceof Outcome.Ok)) {
            throw new AssertionError(f + " " + key + " " + value + " on a healthy path: " + outcome);
        }
    }

    /** One operation, recorded as the cluster test records it: the invocation, then how it ended. */
    private Outcome invoke(ClientHost client, int process, String f, String key, Object value) throws Exception {
        ops.add(Op.invoke(process, f, key, value, now()));
        Outcome outcome = client.invoke(process, f, key, value).get(30, TimeUnit.SECONDS);
        ops.add(
                switch (outcome) {
                    case Outcome.Ok ok -> Op.ok(process, f, key, f.equals("read") ? ok.value() : value, now());
                    case Outcome.Fail fail -> Op.fail(process, f, key, value, now(), fail.reason());
                    case Outcome.Unknown unknown -> Op.info(process, f, key, value, now(), unknown.reason());
                });
        return outcome;
    }

    private long now() {
        return System.nanoTime() - startNanos;
    }
}
