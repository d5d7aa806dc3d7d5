package sdlab.app.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.ClusterMechanism.ClientCommand;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;

/**
 * {@code sdlab cluster client}: the mechanism's own client, over TCP. With a command, runs it
 * and exits; without one, reads commands line by line.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = {
            "Run the mechanism's own client against the cluster: one command, or one per line from standard input.",
            "quorum: put KEY VALUE, get KEY. A write with no answer in time is 'unknown': it may still happen.",
            "raft: also cas KEY EXPECTED NEW and txn CONDITIONS then WRITES (txn a >= 10 then add a -10 add b 10).",
            "shards: put KEY NUMBER, get KEY, scan FROM TO, count (a router that caches the routing table).",
            "causal: put KEY VALUE, get KEY on one replica; the client carries its causal context from one command to"
                    + " the next (printf 'get x\\nput y 1\\n' | sdlab cluster client causal).",
            "Exit code 1 if the (last) command failed or its outcome is unknown."
        })
final class ClusterClientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MECHANISM",
            description = "the cluster's mechanism (quorum, raft, repl, shards or causal)")
    String mechanism;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND", description = "e.g. put k v, get k")
    List<String> words = List.of();

    @Mixin
    ClusterDirectory dir;

    @Override
    public Integer call() throws IOException {
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            if (!cluster.layout().mechanism().equals(mechanism)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the cluster in " + cluster.directory() + " runs "
                                + cluster.layout().mechanism() + ", not " + mechanism);
            }
            ClusterMechanism resolved = ClusterMechanisms.of(cluster.layout());
            if (resolved instanceof LogClusterMechanism) {
                throw new ParameterException(spec.commandLine(), resolved.clientHelp());
            }
            if (!words.isEmpty() && resolved.parse(words) instanceof ClientCommand.Invalid invalid) {
                throw new ParameterException(spec.commandLine(), invalid.reason());
            }
            NodeId self = NodeId.of("client-" + ProcessHandle.current().pid());
            try (ClientHost client = ClientHost.start(
                    self,
                    cluster.addresses(),
                    resolved.client(cluster.nodes(), cluster.running()),
                    resolved.family(),
                    ProcessHandle.current().pid(),
                    line -> {})) {
                awaitConnections(client, cluster);
                if (!words.isEmpty()) {
                    return run(client, resolved, words) ? 0 : 1;
                }
                return interactive(client, resolved);
            }
        }
    }

    private int interactive(ClientHost client, ClusterMechanism mechanism) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean prompt = System.console() != null;
        if (prompt) {
            out.println(mechanism.describe() + "; " + mechanism.clientHelp() + "; quit to leave");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean lastOk = true;
        while (true) {
            if (prompt) {
                out.print(mechanism.name() + "> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null || line.strip().equals("quit") || line.strip().equals("exit")) {
                return lastOk ? 0 : 1;
            }
            if (line.isBlank()) {
                continue;
            }
            lastOk = run(client, mechanism, Arrays.asList(line.strip().split("\\s+")));
        }
    }

    private boolean run(ClientHost client, ClusterMechanism mechanism, List<String> command) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            switch (mechanism.parse(command)) {
                case ClientCommand.Invalid invalid -> {
                    out.println("error: " + invalid.reason());
                    return false;
                }
                case ClientCommand.Invoke invoke -> {
                    Outcome outcome = client.invoke(0, invoke.f(), invoke.key(), invoke.value())
                            .get(60, TimeUnit.SECONDS);
                    out.println(mechanism.render(outcome));
                    return outcome instanceof Outcome.Ok;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            out.println("error: " + e);
            return false;
        } finally {
            out.flush();
        }
    }

    /** Waits a little for the links to the nodes that are up; a node that is down stays unreachable. */
    private static void awaitConnections(ClientHost client, ProcessCluster cluster) {
        List<NodeId> up = cluster.running();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!client.connectedTo(up) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
