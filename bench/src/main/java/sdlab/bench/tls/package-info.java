/**
 * Chapter 7 ("TLS termination and connection reuse") done for real: {@link
 * sdlab.bench.tls.TlsReconnects} starts {@code sdlab node gateway} with TLS in front of an echo
 * backend and reconnects a device to it over loopback in the three ways of {@link
 * sdlab.bench.tls.Reuse}: a full handshake each time, TLS session resumption from the client's
 * session cache (the JDK's, one {@code SSLContext} for all connections), and one kept-alive
 * connection.
 *
 * <p>It counts handshakes where the gateway counts them (its Prometheus counter {@code
 * sdlab_gateway_tls_handshakes_total}, which does not tell full from abbreviated) and resumed
 * sessions where the client can see them, measures each request's latency at the client, and
 * reads the gateway process's CPU time from {@code /proc} before and after, in 10 ms ticks. The
 * client trusts the gateway's generated certificate without checking it: it talks only to its
 * own child process on 127.0.0.1.
 */
package sdlab.bench.tls;
