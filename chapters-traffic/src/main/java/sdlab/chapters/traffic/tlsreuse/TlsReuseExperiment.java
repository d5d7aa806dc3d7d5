package sdlab.chapters.traffic.tlsreuse;

import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;

/** Chapter 7: what cuts the TLS handshake cost of devices that sleep, wake and reconnect. */
public final class TlsReuseExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "tls-reuse",
            7,
            "TLS termination and connection reuse",
            "A fleet of IoT devices reconnects after every sleep. HTTP/2 multiplexing, connection draining, session"
                    + " affinity, and TLS termination at the gateway with upstream connection reuse, each against a"
                    + " pass-through baseline: full handshakes, handshake CPU and latency per reconnect.");

    private static final String QUESTION = "IoT devices sleep, wake, reconnect and send a few small writes. What cuts"
            + " the TLS handshake cost of their reconnections?";

    private final boolean reuseUpstream;

    /** The chapter as users run it. */
    public TlsReuseExperiment() {
        this(true);
    }

    /** With {@code reuseUpstream} false the terminating gateway opens an upstream connection per write: a planted bug. */
    TlsReuseExperiment(boolean reuseUpstream) {
        this.reuseUpstream = reuseUpstream;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return TlsParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return TlsVariant.ALL.stream().map(TlsVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        TlsScenario.Outcome outcome =
                TlsScenario.run(TlsVariant.named(variant.name()), values, reuseUpstream, seed, options, run);
        run.traceHash(outcome.sim().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.sim().trace());
        }
        return run.build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.ratio(
                        "connectionsPerWake",
                        "connections a device opened per wake",
                        TlsTally.CONNECTIONS,
                        TlsTally.WAKES),
                MetricSpec.ratio(
                        "backendFullHandshakesPerWake",
                        "full TLS handshakes at the backends per wake",
                        TlsTally.BACKEND_FULL,
                        TlsTally.WAKES),
                MetricSpec.ratio(
                                "backendHandshakeCpuUsPerWake",
                                "backend CPU spent on handshakes per wake, in µs",
                                TlsTally.BACKEND_CPU_MICROS,
                                TlsTally.WAKES)
                        .derivedFrom(TlsParams.FULL_HANDSHAKE_CPU.name(), TlsParams.RESUMED_HANDSHAKE_CPU.name()),
                MetricSpec.ratio(
                                "gatewayHandshakeCpuUsPerWake",
                                "gateway CPU spent on handshakes per wake, in µs",
                                TlsTally.GATEWAY_CPU_MICROS,
                                TlsTally.WAKES)
                        .derivedFrom(TlsParams.FULL_HANDSHAKE_CPU.name(), TlsParams.RESUMED_HANDSHAKE_CPU.name()),
                MetricSpec.ratio(
                                "handshakeCpuUsPerWake",
                                "handshake CPU per wake, gateway and backends, in µs",
                                TlsTally.HANDSHAKE_CPU_MICROS,
                                TlsTally.WAKES)
                        .derivedFrom(TlsParams.FULL_HANDSHAKE_CPU.name(), TlsParams.RESUMED_HANDSHAKE_CPU.name()),
                MetricSpec.ratio(
                        "resumedShare",
                        "share of the devices' handshakes that resumed a session",
                        TlsTally.DEVICE_RESUMED,
                        TlsTally.DEVICE_HANDSHAKES),
                MetricSpec.sum("connectionsReset", "device connections cut by the rolling restart", TlsTally.RESETS),
                MetricSpec.percentileMs(
                        "reconnectMsP50",
                        "median time from waking to the first acknowledged write",
                        TlsTally.RECONNECT_LATENCY,
                        50),
                MetricSpec.percentileMs(
                        "reconnectMsP99",
                        "99th percentile time from waking to the first acknowledged" + " write",
                        TlsTally.RECONNECT_LATENCY,
                        99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return TlsClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                QUESTION,
                List.of(
                        option("HTTP/2 multiplexing", TlsVariant.H2),
                        option("connection draining", TlsVariant.DRAINING),
                        option("session affinity", TlsVariant.AFFINITY),
                        option(
                                "TLS termination at the gateway with upstream connection reuse",
                                TlsVariant.TERMINATE_REUSE))));
    }

    private static Question.Option option(String label, String variant) {
        return new Question.Option(
                label,
                variant,
                TlsClaims.forOption(variant),
                "Against the pass-through baseline on the same seed, the option must at least halve both the backends'"
                        + " full handshakes and the handshake CPU per wake.");
    }
}
