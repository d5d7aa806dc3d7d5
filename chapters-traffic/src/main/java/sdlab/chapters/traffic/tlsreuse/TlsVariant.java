package sdlab.chapters.traffic.tlsreuse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One option of chapter 7: the baseline, where a pass-through balancer hands each device's TLS
 * connection to a backend, or the baseline with one change.
 *
 * @param name the variant's name in reports
 * @param terminate TLS ends at the gateway, which reaches backends over reused upstream connections
 * @param h2 devices multiplex a wake's writes over one HTTP/2 connection
 * @param draining a backend leaving for a restart first lets its connections finish
 * @param affinity a device goes back to the backend it used last, while its address is unchanged
 */
record TlsVariant(String name, boolean terminate, boolean h2, boolean draining, boolean affinity) {
    static final String PASSTHROUGH = "passthrough";
    static final String H2 = "h2";
    static final String DRAINING = "draining";
    static final String AFFINITY = "affinity";
    static final String TERMINATE_REUSE = "terminate-reuse";

    static final List<TlsVariant> ALL = List.of(
            new TlsVariant(PASSTHROUGH, false, false, false, false),
            new TlsVariant(H2, false, true, false, false),
            new TlsVariant(DRAINING, false, false, true, false),
            new TlsVariant(AFFINITY, false, false, false, true),
            new TlsVariant(TERMINATE_REUSE, true, false, false, false));

    static TlsVariant named(String name) {
        return ALL.stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no TLS variant named " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tlsEndsAt", terminate ? "gateway" : "backend");
        settings.put("http2", h2);
        settings.put("draining", draining);
        settings.put("affinity", affinity);
        String description =
                switch (name) {
                    case PASSTHROUGH ->
                        "a pass-through balancer gives each device connection to a backend, which ends TLS";
                    case H2 -> "the baseline with HTTP/2: a wake's writes share one connection";
                    case DRAINING -> "the baseline with connection draining during the backends' rolling restart";
                    case AFFINITY ->
                        "the baseline with affinity: a device returns to its last backend while its address holds";
                    case TERMINATE_REUSE ->
                        "TLS ends at the gateway, which reuses a few long-lived connections to the backends";
                    default -> throw new IllegalStateException("unknown variant " + name);
                };
        return new Variant(name, description, settings);
    }
}
