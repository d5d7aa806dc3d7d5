package sdlab.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.NodeProcessState;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ControlMessages.Status;
import sdlab.runtime.net.NetworkFaults;

/** {@code sdlab cluster status}: each node's process state, connections, traffic and faults. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show each node: process state (running, paused, down), uptime, connected peers, frames and"
                + " faults. Exit code 1 if any node is not running.")
final class ClusterStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterDirectory dir;

    @Option(names = "--json", description = "print the status as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode rows = mapper.createArrayNode();
            boolean allRunning = true;
            ClusterMechanism mechanism = ClusterMechanisms.of(cluster.layout());
            if (!json) {
                out.println(cluster.directory() + ": " + mechanism.describe());
                for (NodeId id : cluster.nodes()) {
                    mechanism.frontDoor(cluster.nodes().indexOf(id)).ifPresent(door -> out.println(id + " " + door));
                }
                out.printf(
                        "%-5s %-16s %-8s %-8s %-8s %-14s %8s %8s %8s  %s%n",
                        "node", "address", "pid", "state", "up", "peers", "sent", "received", "dropped", "faults");
            }
            for (NodeId id : cluster.nodes()) {
                NodeProcessState state = cluster.state(id);
                Optional<Status> status = cluster.status(id);
                allRunning &= state == NodeProcessState.RUNNING;
                String address = cluster.addresses().get(id).getHostString() + ":"
                        + cluster.addresses().get(id).getPort();
                NetworkFaults faults = cluster.layout().faults().getOrDefault(id, NetworkFaults.NONE);
                ObjectNode row = rows.addObject()
                        .put("node", id.name())
                        .put("address", address)
                        .put("state", state.name().toLowerCase(java.util.Locale.ROOT))
                        .put("answering", status.isPresent())
                        .put("faults", faults.toString());
                mechanism.frontDoor(cluster.nodes().indexOf(id)).ifPresent(door -> row.put("frontDoor", door));
                Long pid = cluster.layout().pids().get(id);
                if (pid != null) {
                    row.put("pid", pid);
                }
                status.ifPresent(s -> {
                    row.put("uptimeMillis", s.uptimeMillis())
                            .put("restarted", s.restarted())
                            .put("framesSent", s.framesSent())
                            .put("framesReceived", s.framesReceived())
                            .put("framesDropped", s.framesDropped());
                    s.connectedPeers().forEach(row.putArray("connectedPeers")::add);
                });
                if (!json) {
                    out.printf(
                            "%-5s %-16s %-8s %-8s %-8s %-14s %8s %8s %8s  %s%n",
                            id,
                            address,
                            pid == null ? "-" : pid,
                            state.name().toLowerCase(java.util.Locale.ROOT)
                                    + (state == NodeProcessState.RUNNING && status.isEmpty() ? "?" : ""),
                            status.map(s -> uptime(s.uptimeMillis())).orElse("-"),
                            status.map(s -> s.connectedPeers().isEmpty()
                                            ? "none"
                                            : String.join(",", s.connectedPeers()))
                                    .orElse("-"),
                            status.map(s -> Long.toString(s.framesSent())).orElse("-"),
                            status.map(s -> Long.toString(s.framesReceived())).orElse("-"),
                            status.map(s -> Long.toString(s.framesDropped())).orElse("-"),
                            faults.none() ? "-" : faults);
                }
            }
            if (json) {
                ObjectNode root = mapper.createObjectNode()
                        .put("directory", cluster.directory().toString())
                        .put("mechanism", cluster.layout().mechanism())
                        .put(
                                "description",
                                ClusterMechanisms.of(cluster.layout()).describe());
                root.set("nodes", rows);
                out.println(root.toPrettyString());
            }
            out.flush();
            return allRunning ? 0 : 1;
        }
    }

    static String uptime(long millis) {
        Duration up = Duration.ofMillis(millis);
        if (up.toHours() > 0) {
            return "%dh%02dm".formatted(up.toHours(), up.toMinutesPart());
        }
        if (up.toMinutes() > 0) {
            return "%dm%02ds".formatted(up.toMinutes(), up.toSecondsPart());
        }
        return "%d.%ds".formatted(up.toSeconds(), up.toMillisPart() / 100);
    }
}
