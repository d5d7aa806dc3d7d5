package sdlab.traffic.tls;

/**
 * What a TLS server does with the ticket a client offers: resume the session, or run a full
 * handshake, with the reason it could not resume.
 */
public enum ResumptionDecision {
    /** The ticket opened under a key the server holds and is within its lifetime: no certificate signature. */
    RESUMED,
    /** The server has resumption switched off and ignores any ticket. */
    FULL_RESUMPTION_OFF,
    /** The client offered no ticket: its first connection, or it does not keep them. */
    FULL_NO_TICKET,
    /**
     * The ticket was sealed by a key this server does not hold: another server's own key, or one
     * it lost when it restarted or dropped when it rotated.
     */
    FULL_UNKNOWN_KEY,
    /** The ticket opened, but it has outlived its lifetime. */
    FULL_EXPIRED;

    /** Whether the session resumed; every other decision is a full handshake. */
    public boolean resumed() {
        return this == RESUMED;
    }
}
