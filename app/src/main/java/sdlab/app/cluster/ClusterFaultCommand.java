package sdlab.app.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ProcessCluster;

/** {@code sdlab cluster fault}: Jepsen's nemesis by hand. */
@Command(
        name = "fault",
        mixinStandardHelpOptions = true,
        description = {
            "Break the cluster as Jepsen's nemesis does. Network faults act inside each node's transport and outlive"
                    + " restarts until 'heal'.",
            "",
            "  partition n1,n2 n3,n4,n5   nodes hear only their own group (unnamed nodes form one more group)",
            "  one-way n1 n2              n1's frames to n2 are dropped; n2 still reaches n1",
            "  delay 100                  add 100 ms to every frame (0 removes it)",
            "  loss 0.1                   lose 10%% of frames (0 removes it)",
            "  heal                       remove every network fault",
            "  kill n3 | restart n3       SIGKILL a node | start it again from its data",
            "  pause n3 | resume n3       SIGSTOP | SIGCONT"
        })
final class ClusterFaultCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FAULT",
            description = "partition, one-way, delay, loss, heal, kill, restart," + " pause or resume")
    String fault;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG")
    List<String> args = List.of();

    @Mixin
    ClusterDirectory dir;

    @Override
    public Integer call() throws IOException {
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            try {
                apply(cluster);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getErr().println("sdlab: " + String.join(" ", command()) + ": done");
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    private void apply(ProcessCluster cluster) throws IOException {
        switch (fault) {
            case "partition" -> {
                need(1, Integer.MAX_VALUE, "partition GROUP GROUP... (a group is n1,n2)");
                List<List<NodeId>> groups = new ArrayList<>();
                for (String group : args) {
                    groups.add(ids(group));
                }
                cluster.partition(groups);
            }
            case "one-way" -> {
                need(2, 2, "one-way FROM TO");
                cluster.partitionOneWay(NodeId.of(args.get(0)), NodeId.of(args.get(1)));
            }
            case "delay" -> {
                need(1, 1, "delay MILLISECONDS");
                cluster.delay(parseLong(args.getFirst(), "delay"));
            }
            case "loss" -> {
                need(1, 1, "loss RATE (0 to 1)");
                cluster.loss(parseDouble(args.getFirst()));
            }
            case "heal" -> {
                need(0, 0, "heal");
                cluster.heal();
            }
            case "kill" -> eachNode(cluster::kill);
            case "restart" -> {
                need(1, Integer.MAX_VALUE, "restart NODE...");
                for (String id : args) {
                    cluster.restart(NodeId.of(id));
                }
            }
            case "pause" -> eachNode(cluster::pause);
            case "resume" -> eachNode(cluster::resume);
            default ->
                throw new IllegalArgumentException("no fault '" + fault
                        + "'; use partition, one-way, delay, loss, heal, kill, restart, pause or resume");
        }
    }

    private List<String> command() {
        List<String> words = new ArrayList<>(List.of(fault));
        words.addAll(args);
        return words;
    }

    private void eachNode(java.util.function.Consumer<NodeId> action) {
        need(1, Integer.MAX_VALUE, fault + " NODE...");
        for (String id : args) {
            action.accept(NodeId.of(id));
        }
    }

    private void need(int min, int max, String usage) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException("usage: sdlab cluster fault " + usage);
        }
    }

    private static List<NodeId> ids(String group) {
        List<NodeId> ids = new ArrayList<>();
        for (String name : group.split(",")) {
            if (!name.isBlank()) {
                ids.add(NodeId.of(name.strip()));
            }
        }
        return ids;
    }

    private static long parseLong(String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException(what + " cannot be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number of milliseconds, got '" + text + "'");
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loss must be a rate between 0 and 1, got '" + text + "'");
        }
    }
}
