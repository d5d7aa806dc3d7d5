package sdlab.traffic.tls;

/**
 * The server CPU a handshake costs, full or resumed: cost inputs given by the caller (measured
 * elsewhere, with {@code openssl speed} or a benchmark), never measured here.
 *
 * @param fullNanos a full handshake: key exchange and the certificate's signature
 * @param resumedNanos a resumed handshake: TLS 1.3 resumption with its key exchange ({@code psk_dhe_ke})
 */
public record HandshakeCpu(long fullNanos, long resumedNanos) {
    public HandshakeCpu {
        if (fullNanos < 0 || resumedNanos < 0) {
            throw new IllegalArgumentException("handshake costs are at least 0 ns");
        }
    }

    /** The cost of a handshake that went as {@code decision} says. */
    public long nanosFor(ResumptionDecision decision) {
        return decision.resumed() ? resumedNanos : fullNanos;
    }
}
