package sdlab.traffic.gateway;

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
        Gateway gateway = new Gateway(parsed).start();
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
