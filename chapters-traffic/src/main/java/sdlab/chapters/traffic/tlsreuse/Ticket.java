package sdlab.chapters.traffic.tlsreuse;

/**
 * A TLS session ticket (RFC 8446, section 4.6.1): the server's encrypted session state, which
 * only a holder of the key that sealed it can open.
 *
 * @param key the name of the ticket key: a server's own, or the fleet's shared one
 * @param keyEpoch which generation of that key; a server's restart rotates its own key
 * @param issuedAtNanos when it was issued, for its lifetime
 */
record Ticket(String key, long keyEpoch, long issuedAtNanos) {}
