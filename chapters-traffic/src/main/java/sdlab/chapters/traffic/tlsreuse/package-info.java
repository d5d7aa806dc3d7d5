/**
 * Chapter 7: what cuts the TLS handshake cost of IoT devices that sleep, wake and reconnect.
 *
 * <p>Devices ({@code DeviceClient}) wake, open a connection (TCP set-up, then a TLS handshake
 * offering their last session ticket), send a few small writes and sleep; their connection
 * does not survive the sleep. They reach a gateway over a long-haul uplink ({@code Uplink}).
 * In the baseline the gateway is a pass-through balancer ({@code PassThroughBalancer}) that
 * hands each connection to a backend ({@code TlsBackend}), which ends TLS; its options add
 * HTTP/2, connection draining or affinity. The fourth option ends TLS at the gateway ({@code
 * TerminatingGateway}) and forwards writes over upstream connections it keeps open, as sdlab's
 * real gateway does with its connection pool. Both kinds run a rolling restart of the
 * backends ({@code RollingRestart}); a restart loses a backend's own ticket keys.
 *
 * <p>Whether a handshake resumes is not decided here: the gateway and every backend call
 * {@link sdlab.traffic.tls.TlsServerSessions} from the traffic module (a ticket resumes only at
 * a server that holds the key that sealed it, within its lifetime; {@code --shared-ticket-keys}
 * gives every backend the fleet's key file). Handshakes are counted where they happen, full or
 * resumed, and charged the CPU costs given as parameters ({@link sdlab.traffic.tls.HandshakeCpu})
 * on a one-core FIFO per server ({@code Cpu}). The costs cannot be
 * measured in a simulation; the chapter's text gives the published figures behind the
 * defaults. A real-TLS measurement against the real gateway belongs to the gateway module.
 *
 * <p>Not modelled: TCP and TLS packet loss, 0-RTT early data, certificate chain sizes,
 * client-side CPU, and the gateway's own capacity limits.
 */
package sdlab.chapters.traffic.tlsreuse;
