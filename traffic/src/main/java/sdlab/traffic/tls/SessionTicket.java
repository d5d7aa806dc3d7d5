package sdlab.traffic.tls;

import java.time.Duration;
import java.util.Objects;

/**
 * A stateless TLS 1.3 session ticket (RFC 8446, section 4.6.1): the server's session state,
 * sealed under one of its ticket keys and handed to the client, which offers it back to resume.
 * Here the sealing is a label: the ticket names the key that sealed it, and only a server that
 * holds that key can open it.
 *
 * @param sealedBy the ticket key that encrypted it
 * @param issuedAtNanos when the server issued it, on the caller's clock
 * @param lifetimeNanos the {@code ticket_lifetime} the server announced: at most {@link #LIFETIME_MAX}
 */
public record SessionTicket(TicketKeyId sealedBy, long issuedAtNanos, long lifetimeNanos) {
    /** RFC 8446, section 4.6.1: servers MUST NOT announce a ticket lifetime above 604800 seconds. */
    public static final Duration LIFETIME_MAX = Duration.ofDays(7);

    public SessionTicket {
        Objects.requireNonNull(sealedBy, "sealedBy");
        checkLifetime(lifetimeNanos);
    }

    /** Whether the ticket has outlived {@code lifetimeNanos} at {@code nowNanos}; at its lifetime exactly it has. */
    boolean expiredAt(long nowNanos, long lifetimeNanos) {
        return nowNanos - issuedAtNanos >= lifetimeNanos;
    }

    static void checkLifetime(long lifetimeNanos) {
        if (lifetimeNanos < 0 || lifetimeNanos > LIFETIME_MAX.toNanos()) {
            throw new IllegalArgumentException(
                    "a ticket lifetime is between 0 and 7 days (RFC 8446, 4.6.1), got " + lifetimeNanos + " ns");
        }
    }
}
