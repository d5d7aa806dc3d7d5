package sdlab.traffic.gateway;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sdlab node echo}: runs an {@link EchoServer} until interrupted. */
@Command(
        name = "echo",
        description = "Run an HTTP echo backend that reports which instance and version served each request.")
public final class EchoNodeCommand implements Callable<Integer> {
    // Not picocli's standard help mixin: its --version would take the name of the backend's own
    // --version, which the demos use to tell a canary from the stable servers.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 9001;

    @Option(names = "--name", description = "Instance name reported in responses (default: ${DEFAULT-VALUE}).")
    String name = "echo";

    @Option(names = "--version", description = "Version reported in responses (default: ${DEFAULT-VALUE}).")
    String version = "v1";

    @Override
    public Integer call() throws Exception {
        EchoServer server = new EchoServer(host, port, name, version).start();
        System.out.println("echo " + name + " (" + version + ") listening on " + host + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
