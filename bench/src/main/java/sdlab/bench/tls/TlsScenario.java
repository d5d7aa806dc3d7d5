package sdlab.bench.tls;

/**
 * What one reconnect pattern cost, as the client and the gateway saw it.
 *
 * @param reuse how the device reconnected
 * @param requests requests made (one per reconnect, except keep-alive: all on one connection)
 * @param connections TLS connections opened
 * @param handshakesAtGateway handshakes the gateway counted (its {@code
 *     sdlab_gateway_tls_handshakes_total}), or -1 if its metrics were unreadable
 * @param resumedAtClient connections whose session the client saw resumed (a session created
 *     before the connection was: see {@code TlsReconnects})
 * @param latencyMsP50 client-observed median time per request, connect and handshake included
 * @param latencyMsP99 the same, 99th percentile
 * @param gatewayCpuMsPerRequest the gateway process's CPU time per request (10 ms resolution
 *     over the whole run), or negative if unreadable
 */
public record TlsScenario(
        Reuse reuse,
        int requests,
        int connections,
        long handshakesAtGateway,
        int resumedAtClient,
        double latencyMsP50,
        double latencyMsP99,
        double gatewayCpuMsPerRequest) {}
