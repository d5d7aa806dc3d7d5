package sdlab.traffic.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sdlab node gateway --config FILE}: runs the {@link Gateway} until interrupted, then drains. */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Run the HTTP gateway (reverse proxy) described by a JSON configuration file.")
public final class GatewayNodeCommand implements Callable<Integer> {
    /** Exit status for a configuration that does not validate. */
    static final int EXIT_BAD_CONFIG = 2;

    /** Exit status when a listener cannot bind (port in use, no permission). */
    static final int EXIT_CANNOT_LISTEN = 1;

    @Option(names = "--config", required = true, description = "The gateway's JSON configuration file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        GatewayConfig parsed;
        try {
            parsed = GatewayConfigParser.parse(config);
        } catch (ConfigException e) {
            System.err.println("gateway: " + config + " is not a valid configuration:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            return EXIT_BAD_CONFIG;
        }
        Gateway gateway;
        try {
            gateway = new Gateway(parsed).start();
        } catch (IOException e) {
            System.err.println("gateway: cannot listen: " + e.getMessage()
                    + " (is another process using the port? change it in " + config + ")");
            return EXIT_CANNOT_LISTEN;
        }
        System.out.println("gateway listening on " + parsed.listen().host() + ":" + gateway.port()
                + (gateway.tlsPort() > 0 ? ", tls " + gateway.tlsPort() : "")
                + (gateway.adminPort() > 0 ? ", admin " + gateway.adminPort() : ""));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
