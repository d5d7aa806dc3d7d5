package sdlab.coord.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdlab node coord}: runs a standalone coordination node that the ZooKeeper client, zkCli
 * and Curator use unchanged. Options are named like ZooKeeper's zoo.cfg entries.
 */
@Command(
        name = "coord",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a standalone coordination node speaking ZooKeeper's client protocol (3.9).",
            "The replicated server as a group of one, its log synced to --data-dir.",
            "For a replicated service: sdlab cluster start coord --nodes 3. No ACLs or SASL yet."
        })
public final class CoordNodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "client port (default: ${DEFAULT-VALUE}; 0 picks a free port)")
    int port = 2181;

    @Option(names = "--bind", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind = "127.0.0.1";

    @Option(
            names = "--tick-time",
            description = "tickTime in ms; session timeouts are clamped to 2..20 ticks (default: ${DEFAULT-VALUE})")
    int tickTimeMs = 2000;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the log and snapshots are kept across restarts (default: a temporary directory,"
                    + " removed on exit)")
    Path dataDirectory;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535 || tickTimeMs <= 0) {
            spec.commandLine().getErr().println("--port must be 0..65535 and --tick-time positive");
            return 2;
        }
        try (CoordServer server = new CoordServer(bind, port, tickTimeMs, dataDirectory)) {
            try {
                server.start();
            } catch (CoordStartupException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "coord-node-stop"));
            spec.commandLine()
                    .getOut()
                    .println("coord node listening on " + bind + ":" + server.port() + ", data in "
                            + server.dataDirectory());
            spec.commandLine().getOut().flush();
            server.awaitStop();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
