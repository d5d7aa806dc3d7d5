package sdlab.bench.peer;

import picocli.CommandLine;
import sdlab.cache.server.CacheNodeCommand;
import sdlab.coord.node.CoordNodeCommand;
import sdlab.traffic.gateway.EchoNodeCommand;
import sdlab.traffic.gateway.GatewayNodeCommand;

/**
 * The entry point of the child JVMs that peer benchmarks start: {@code cache}, {@code coord},
 * {@code gateway} or {@code echo}, followed by that node's own options, exactly as {@code sdlab node} takes
 * them. The bench starts its nodes as separate processes, so that load generator and server
 * compete for the cores as they do when the peer is a native server.
 */
public final class NodeMain {
    private NodeMain() {}

    /** Runs the node named by {@code args[0]} with the remaining arguments until it is stopped. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: NodeMain cache|coord|gateway|echo [options]");
            System.exit(2);
        }
        Object command =
                switch (args[0]) {
                    case "cache" -> new CacheNodeCommand();
                    case "coord" -> new CoordNodeCommand();
                    case "gateway" -> new GatewayNodeCommand();
                    case "echo" -> new EchoNodeCommand();
                    default -> null;
                };
        if (command == null) {
            System.err.println("NodeMain: unknown node '" + args[0] + "': expected cache, coord, gateway or echo");
            System.exit(2);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.exit(new CommandLine(command).execute(rest));
    }
}
