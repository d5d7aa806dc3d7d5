package sdlab.app.cluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.NodeProcess;

/** The body of one node process; {@code sdlab cluster start} runs it, users never need to. */
@Command(
        name = "node",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Run one node of the cluster in DIR (started by 'cluster start').")
final class ClusterNodeCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true)
    Path directory;

    @Option(names = "--id", required = true)
    String id;

    @Override
    public Integer call() throws InterruptedException {
        NodeProcess.run(directory, NodeId.of(id), ClusterMechanisms::of);
        return 3; // run returns only when the node could not start; it said why on standard error
    }
}
