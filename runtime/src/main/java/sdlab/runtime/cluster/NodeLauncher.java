package sdlab.runtime.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;

/**
 * The command that starts one node process: this JVM's own {@code java} and class path, a small
 * heap, then a main class and its arguments. The process runs in a session of its own
 * ({@code setsid}), so that a Ctrl-C in the terminal that started the cluster does not kill it.
 *
 * @param mainClass the class whose {@code main} runs a node, given {@code arguments} then
 *     {@code --dir D --id n1}
 */
public record NodeLauncher(String mainClass, List<String> arguments, List<String> jvmOptions) {
    public NodeLauncher {
        arguments = List.copyOf(arguments);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The default JVM options of a node: a heap of up to 1 GB with G1, as ZooKeeper's zkServer.sh
     * runs its servers (1000 MB, the JVM's default collector), since a coordination server holds
     * its whole tree, its log since the last snapshot and, while it takes one, the snapshot's bytes.
     */
    public static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC", "-Xshare:auto");

    public static NodeLauncher of(String mainClass, String... arguments) {
        return new NodeLauncher(mainClass, List.of(arguments), NODE_JVM_OPTIONS);
    }

    List<String> command(Path directory, NodeId id) {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        command.add("--dir");
        command.add(directory.toAbsolutePath().toString());
        command.add("--id");
        command.add(id.name());
        return command;
    }
}
