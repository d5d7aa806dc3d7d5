package sdlab.chapters.traffic.tlsreuse;

import static sdlab.chapters.traffic.tlsreuse.TlsVariant.DRAINING;
import static sdlab.chapters.traffic.tlsreuse.TlsVariant.H2;
import static sdlab.chapters.traffic.tlsreuse.TlsVariant.PASSTHROUGH;
import static sdlab.chapters.traffic.tlsreuse.TlsVariant.TERMINATE_REUSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;

/**
 * What chapter 7 claims. The assertions follow from where TLS ends: a terminating gateway
 * that reuses its upstream connections makes the backends handshake only when those open; a
 * drained restart resets no device connection, while stopping at once can; HTTP/2 never needs
 * more connections than HTTP/1.1. The hypotheses are the question's: for each option, whether
 * it at least halves the backends' full handshakes and the handshake CPU per wake, against the
 * pass-through baseline on the same seed.
 */
final class TlsClaims {
    static final String BACKENDS_HANDSHAKE_ONLY_UPSTREAM = "withTerminationBackendsHandshakeOnlyForUpstreamConnections";
    static final String DRAINING_RESETS_NOTHING = "drainingResetsNoDeviceConnection";
    static final String ABRUPT_RESTART_RESETS = "aRestartWithoutDrainingResetsDeviceConnections";
    static final String H2_NO_MORE_CONNECTIONS = "http2NeverOpensMoreConnectionsThanHttp1";
    static final String HALVES_BACKEND_FULL = "atLeastHalvesBackendFullHandshakesPerWake";
    static final String HALVES_CPU = "atLeastHalvesHandshakeCpuPerWake";

    private TlsClaims() {}

    static String forVariant(String claim, String variant) {
        return claim + "[" + variant + "]";
    }

    static List<String> forOption(String variant) {
        return List.of(forVariant(HALVES_BACKEND_FULL, variant), forVariant(HALVES_CPU, variant));
    }

    static List<Claim> all(ParamValues values) {
        int backends = values.get(TlsParams.BACKENDS);
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                BACKENDS_HANDSHAKE_ONLY_UPSTREAM,
                "With TLS ended at the gateway and upstream connections reused, the backends handshake at most"
                        + " twice each (the first upstream connection, and again after their restart).",
                (seed, runs) -> atMost(runs.get(TERMINATE_REUSE), 2L * backends)));
        claims.add(Claim.everySeed(
                DRAINING_RESETS_NOTHING,
                "With draining, the rolling restart resets no device connection.",
                (seed, runs) -> zero(runs.get(DRAINING), TlsTally.RESETS, DRAINING)));
        claims.add(Claim.someSeed(
                ABRUPT_RESTART_RESETS,
                "Without draining, a restarting backend takes device connections with it.",
                (seed, runs) -> runs.get(PASSTHROUGH).counter(TlsTally.RESETS) > 0
                        ? Optional.empty()
                        : Optional.of("passthrough: no connection was open on a backend when it stopped")));
        claims.add(Claim.everySeed(
                H2_NO_MORE_CONNECTIONS,
                "Devices speaking HTTP/2 open no more connections when they wake than over HTTP/1.1.",
                (seed, runs) -> notMore(runs.get(H2), runs.get(PASSTHROUGH))));
        for (TlsVariant variant : TlsVariant.ALL) {
            if (variant.name().equals(PASSTHROUGH)) {
                continue;
            }
            claims.add(Claim.hypothesis(
                    forVariant(HALVES_BACKEND_FULL, variant.name()),
                    "The backends do at most half as many full handshakes per wake as with pass-through ("
                            + variant.name() + ").",
                    (seed, runs) -> halves(runs, variant.name(), TlsTally.BACKEND_FULL)));
            claims.add(Claim.hypothesis(
                            forVariant(HALVES_CPU, variant.name()),
                            "Handshakes cost at most half as much CPU per wake, gateway and backends together ("
                                    + variant.name() + ").",
                            (seed, runs) -> halves(runs, variant.name(), TlsTally.HANDSHAKE_CPU_MICROS))
                    .illustrating("the CPU is the measured handshake counts priced at --full-handshake-cpu and"
                            + " --resumed-handshake-cpu; the counts themselves are the evidence of "
                            + forVariant(HALVES_BACKEND_FULL, variant.name())));
        }
        return List.copyOf(claims);
    }

    private static Optional<String> atMost(SeedRun run, long max) {
        long handshakes = run.counter(TlsTally.BACKEND_FULL) + run.counter(TlsTally.BACKEND_RESUMED);
        return handshakes <= max
                ? Optional.empty()
                : Optional.of("%s: the backends did %d handshakes".formatted(TERMINATE_REUSE, handshakes));
    }

    private static Optional<String> zero(SeedRun run, String counter, String variant) {
        long count = run.counter(counter);
        return count == 0 ? Optional.empty() : Optional.of("%s: %d %s".formatted(variant, count, counter));
    }

    private static Optional<String> notMore(SeedRun h2, SeedRun http1) {
        double a = perWake(h2, TlsTally.WAKE_CONNECTIONS);
        double b = perWake(http1, TlsTally.WAKE_CONNECTIONS);
        return a <= b
                ? Optional.empty()
                : Optional.of("h2: %.3f connections per wake, passthrough: %.3f".formatted(a, b));
    }

    private static Optional<String> halves(Map<String, SeedRun> runs, String variant, String counter) {
        double a = perWake(runs.get(variant), counter);
        double b = perWake(runs.get(PASSTHROUGH), counter);
        return a <= b / 2
                ? Optional.empty()
                : Optional.of("%s: %.3f %s per wake, passthrough: %.3f".formatted(variant, a, counter, b));
    }

    private static double perWake(SeedRun run, String counter) {
        long wakes = run.counter(TlsTally.WAKES);
        return wakes == 0 ? 0 : (double) run.counter(counter) / wakes;
    }
}
