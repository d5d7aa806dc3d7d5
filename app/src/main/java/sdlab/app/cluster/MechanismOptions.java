package sdlab.app.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that configure a mechanism, shared by {@code cluster start} and {@code cluster test}. */
final class MechanismOptions {
    @Option(
            names = "--variant",
            paramLabel = "NAME",
            description = "a variant of the mechanism's chapter, e.g. n3r2w2-writeback or n3r1w1 (default: n3r2w2)")
    String variant;

    @Option(names = "--n", description = "quorum: replicas per key (changes the variant's N)")
    Integer n;

    @Option(names = "--r", description = "quorum: replies a read waits for")
    Integer r;

    @Option(names = "--w", description = "quorum: acknowledgements a write waits for")
    Integer w;

    @Option(
            names = "--client-port",
            paramLabel = "PORT",
            description = "coord: node i serves ZooKeeper clients on PORT + i (default: 2181)")
    Integer clientPort;

    @Option(
            names = "--tick-ms",
            paramLabel = "MS",
            description = "coord: ZooKeeper's tick; session timeouts are clamped to 2..20 ticks (default: 2000)")
    Integer tickMs;

    /** The options given, by the names the layout file and the mechanism use. */
    Map<String, String> asMap() {
        Map<String, String> options = new LinkedHashMap<>();
        if (variant != null) {
            options.put("variant", variant);
        }
        if (n != null) {
            options.put("n", n.toString());
        }
        if (r != null) {
            options.put("r", r.toString());
        }
        if (w != null) {
            options.put("w", w.toString());
        }
        if (clientPort != null) {
            options.put("client-port", clientPort.toString());
        }
        if (tickMs != null) {
            options.put("tick-ms", tickMs.toString());
        }
        return options;
    }
}
