/**
 * TLS 1.3 session resumption with stateless tickets, decided once for every simulated server
 * of the traffic chapters: whether a reconnecting client's ticket saves the full handshake
 * ({@link sdlab.traffic.tls.TlsServerSessions}), and which keys a server holds to open tickets
 * ({@link sdlab.traffic.tls.TicketKeyring}).
 *
 * <p>It follows RFC 8446, sections 2.2 and 4.6.1. After a handshake the server sends a
 * {@code NewSessionTicket} holding its session state encrypted under a ticket key it keeps; the
 * client offers the ticket on its next connection, and the server resumes without the
 * certificate's signature if it can decrypt the ticket with a key it holds and the ticket is
 * within its {@code ticket_lifetime}, which is at most 7 days. A ticket therefore resumes only
 * where its key is: at the server that sealed it, unless the fleet shares its keys, as nginx's
 * {@code ssl_session_ticket_key} and HAProxy's {@code tls-ticket-keys} files let it. Keys rotate
 * on a schedule with earlier keys kept for decryption, and keys held only in memory die with a
 * restart.
 *
 * <p>Guarantees: decisions are pure functions of the offered ticket, the keyring and the time
 * handed in; nothing here reads a clock or draws randomness, so a simulated server replays from
 * its seed. Not modelled: cryptography (a ticket is a value naming the key that sealed it, and
 * holding equal {@link sdlab.traffic.tls.TicketKeyId}s is holding the key), 0-RTT early data and
 * its replay protection, session-ID (stateful) resumption, the obfuscated ticket age, and a cap
 * on keying material's total life across resumptions. Handshake CPU is a cost input ({@link
 * sdlab.traffic.tls.HandshakeCpu}), not measured.
 *
 * <p>sdlab's real gateway terminates TLS with the JDK's {@code SSLEngine} and configures no
 * ticket keys or lifetimes: it takes the JDK's defaults and does not call this package.
 */
package sdlab.traffic.tls;
