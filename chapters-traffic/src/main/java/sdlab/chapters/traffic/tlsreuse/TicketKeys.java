package sdlab.chapters.traffic.tlsreuse;

/**
 * A TLS server's session-ticket key and its acceptance rule. A ticket resumes the session only
 * if this server's current key sealed it and it has not outlived {@code lifetimeNanos}. A
 * server's own key rotates when it restarts; a key shared by a fleet does not.
 */
final class TicketKeys {
    private final String key;
    private final boolean rotatesOnRestart;
    private final long lifetimeNanos;
    private final boolean resumption;
    private long epoch;

    TicketKeys(String key, boolean rotatesOnRestart, long lifetimeNanos, boolean resumption) {
        this.key = key;
        this.rotatesOnRestart = rotatesOnRestart;
        this.lifetimeNanos = lifetimeNanos;
        this.resumption = resumption;
    }

    boolean resumes(Ticket ticket, long nowNanos) {
        return resumption
                && ticket != null
                && ticket.key().equals(key)
                && ticket.keyEpoch() == epoch
                && nowNanos - ticket.issuedAtNanos() < lifetimeNanos;
    }

    Ticket issue(long nowNanos) {
        return new Ticket(key, epoch, nowNanos);
    }

    void restarted() {
        if (rotatesOnRestart) {
            epoch++;
        }
    }
}
