package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.tls.TlsReconnects;
import sdlab.bench.tls.TlsScenario;

/** {@code sdlab bench tls}: chapter 7 for real, reconnecting TLS clients against the real gateway. */
@Command(
        name = "tls",
        mixinStandardHelpOptions = true,
        description = {
            "Start 'sdlab node gateway' with TLS (a generated self-signed certificate) in front of an echo backend,"
                    + " and reconnect a device to it N times: with a full handshake each time, with TLS session"
                    + " resumption, and over one kept-alive connection.",
            "Prints the handshakes the gateway counted, the sessions the client saw resumed, client-observed"
                    + " latency per request and the gateway's CPU time per request (from /proc).",
        })
final class TlsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--requests",
            defaultValue = "500",
            description = "Requests (reconnects) per pattern (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--warmup-requests",
            defaultValue = "300",
            description = "Untimed requests per pattern first (default: ${DEFAULT-VALUE}).")
    int warmupRequests;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (requests < 1 || requests > 1_000_000 || warmupRequests < 0 || warmupRequests > 1_000_000) {
            throw new ParameterException(
                    spec.commandLine(), "--requests must be 1-1000000 and --warmup-requests 0-1000000");
        }
        PrintWriter err = spec.commandLine().getErr();
        Machine start = Machine.now();
        List<TlsScenario> scenarios;
        try {
            scenarios = new TlsReconnects(requests, warmupRequests, new Progress(err, System::nanoTime)).run();
        } catch (IllegalStateException e) {
            err.println("sdlab bench tls: " + e.getMessage());
            err.flush();
            return PeerBench.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(start, scenarios) : text(start, scenarios));
        out.flush();
        return 0;
    }

    private String text(Machine start, List<TlsScenario> scenarios) {
        StringBuilder text = new StringBuilder(format(
                "TLS reconnects against sdlab node gateway on loopback: %d requests per pattern after %d untimed.%n"
                        + "Machine: %s; load average %.2f at the end.%n%n",
                requests, warmupRequests, start.describe(), Machine.now().loadAverage()));
        text.append(format(
                "%-20s %8s %11s %8s %8s %9s %9s %14s %10s%n",
                "pattern", "conns", "handshakes", "full", "resumed", "p50 ms", "p99 ms", "gw cpu ms/req", "vs full"));
        double fullCpu = scenarios.get(0).gatewayCpuMsPerRequest();
        for (TlsScenario s : scenarios) {
            text.append(format(
                    "%-20s %8d %11d %8d %8d %9.3f %9.3f %14.3f %9.2fx%n",
                    s.reuse().label(),
                    s.connections(),
                    s.handshakesAtGateway(),
                    s.connections() - s.resumedAtClient(),
                    s.resumedAtClient(),
                    s.latencyMsP50(),
                    s.latencyMsP99(),
                    s.gatewayCpuMsPerRequest(),
                    s.gatewayCpuMsPerRequest() / fullCpu));
        }
        text.append("\nhandshakes: counted by the gateway (sdlab_gateway_tls_handshakes_total; full and abbreviated"
                + " alike). full: connections the client did not resume. resumed: connections on which the client got a session created before the connection (a resumed one). gw cpu: the gateway"
                + " process's user+system time per request (10 ms ticks over the run); vs full: that over the"
                + " full-handshake pattern's.\n");
        return text.toString();
    }

    private String json(Machine start, List<TlsScenario> scenarios) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode()
                .put("benchmark", "tls")
                .put("cores", start.cores())
                .put("loadAverage", start.loadAverage())
                .put("java", start.javaVersion())
                .put("requests", requests)
                .put("warmupRequests", warmupRequests);
        var array = root.putArray("patterns");
        for (TlsScenario s : scenarios) {
            array.addObject()
                    .put("name", s.reuse().label())
                    .put("requests", s.requests())
                    .put("connections", s.connections())
                    .put("handshakesAtGateway", s.handshakesAtGateway())
                    .put("resumedAtClient", s.resumedAtClient())
                    .put("latencyMsP50", s.latencyMsP50())
                    .put("latencyMsP99", s.latencyMsP99())
                    .put("gatewayCpuMsPerRequest", s.gatewayCpuMsPerRequest());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
