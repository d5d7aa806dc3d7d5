package sdlab.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sdlab.cache.server.CacheNodeCommand;
import sdlab.coord.node.CoordNodeCommand;
import sdlab.traffic.gateway.EchoNodeCommand;
import sdlab.traffic.gateway.GatewayNodeCommand;
import sdlab.txlog.server.LogNodeCommand;

/**
 * {@code sdlab node}: real nodes that standard clients talk to (redis-cli and Redis libraries,
 * memcached clients, the ZooKeeper client and Curator, the Kafka Java client, curl, browsers, wrk, h2load). Each runs until interrupted.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = "Start a real node on this machine: a cache (RESP and memcached), a coordination node"
                + " (ZooKeeper protocol), a log broker (Kafka protocol), an HTTP gateway, or an echo"
                + " backend for demos.",
        subcommands = {
            CacheNodeCommand.class,
            CoordNodeCommand.class,
            LogNodeCommand.class,
            GatewayNodeCommand.class,
            EchoNodeCommand.class
        })
final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
