package sdlab.traffic.tls;

import java.util.Objects;

/**
 * A TLS server's session resumption: whether the ticket a client offers resumes its session,
 * and the ticket the server hands out after each handshake. A chapter's simulated gateway and
 * backends all decide through this one class.
 *
 * <p>The rule follows RFC 8446 (sections 2.2 and 4.6.1) for stateless tickets: a server resumes
 * when resumption is on, the client offered a ticket, the ticket opens under a key the server
 * holds ({@link TicketKeyring}), and it is younger than its lifetime, the shorter of the one it
 * was issued with and the server's present one. Otherwise the handshake is full and the {@link
 * ResumptionDecision} says why. After every handshake, full or resumed, the server issues a
 * fresh ticket under its current key whose lifetime starts then; the RFC's advice to cap the
 * total life of keying material carried across resumptions is not modelled.
 *
 * <p>Confined to its one server; not thread-safe.
 */
public final class TlsServerSessions {

    /**
     * A handshake as the server ran it.
     *
     * @param decision resumed, or full and why
     * @param newTicket the ticket sent after the handshake ({@code NewSessionTicket}); null when resumption is off
     */
    public record Handshake(ResumptionDecision decision, SessionTicket newTicket) {
        public Handshake {
            Objects.requireNonNull(decision, "decision");
        }

        public boolean resumed() {
            return decision.resumed();
        }
    }

    private final TicketKeyring keys;
    private final long ticketLifetimeNanos;
    private final boolean resumption;

    /**
     * @param keys the server's ticket keys
     * @param ticketLifetimeNanos the lifetime of the tickets it issues, at most {@link SessionTicket#LIFETIME_MAX}
     * @param resumption whether it resumes sessions and issues tickets at all
     */
    public TlsServerSessions(TicketKeyring keys, long ticketLifetimeNanos, boolean resumption) {
        SessionTicket.checkLifetime(ticketLifetimeNanos);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ticketLifetimeNanos = ticketLifetimeNanos;
        this.resumption = resumption;
    }

    /** Runs a handshake at {@code nowNanos} for a client offering {@code offered} (null: none). */
    public Handshake handshake(SessionTicket offered, long nowNanos) {
        return new Handshake(decide(offered, nowNanos), issue(nowNanos));
    }

    /** Whether {@code offered} (null: the client offered none) resumes a session at {@code nowNanos}. */
    public ResumptionDecision decide(SessionTicket offered, long nowNanos) {
        if (!resumption) {
            return ResumptionDecision.FULL_RESUMPTION_OFF;
        }
        if (offered == null) {
            return ResumptionDecision.FULL_NO_TICKET;
        }
        // A ticket the server cannot decrypt tells it nothing, not even its age: the key comes first.
        if (!keys.holds(offered.sealedBy(), nowNanos)) {
            return ResumptionDecision.FULL_UNKNOWN_KEY;
        }
        long lifetimeNanos = Math.min(offered.lifetimeNanos(), ticketLifetimeNanos);
        if (offered.expiredAt(nowNanos, lifetimeNanos)) {
            return ResumptionDecision.FULL_EXPIRED;
        }
        return ResumptionDecision.RESUMED;
    }

    /** A fresh ticket sealed by the current key at {@code nowNanos}; null when resumption is off. */
    public SessionTicket issue(long nowNanos) {
        return resumption ? new SessionTicket(keys.current(nowNanos), nowNanos, ticketLifetimeNanos) : null;
    }

    /** The server restarted at {@code nowNanos}: what happens to its keys is the keyring's {@link TicketKeyring.Source}. */
    public void restarted(long nowNanos) {
        keys.restarted(nowNanos);
    }
}
