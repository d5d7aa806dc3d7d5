package sdlab.chapters.traffic.tlsreuse;

import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.traffic.tls.SessionTicket;

/**
 * Chapter 7's protocol. A device's connection: TCP set-up (connect, accepted), the TLS
 * handshake (client hello with an optional session ticket, server hello), small writes and
 * their acknowledgements, and the close; a reset ends it early. Behind the gateway: a
 * pass-through balancer tunnels a connection's messages to its backend as they are; a
 * terminating gateway keeps its own upstream connections and forwards writes on them.
 */
sealed interface TlsMessage extends Message {

    /** A device opens connection {@code conn} from network address {@code address}. */
    record Connect(int conn, long address) implements TlsMessage {}

    record Accepted(int conn) implements TlsMessage {}

    /** The device's first TLS flight; {@code ticket} is null when it has none to offer. */
    record ClientHello(int conn, SessionTicket ticket) implements TlsMessage {}

    /** The server's answer: whether it resumed the session, and a fresh ticket for next time. */
    record ServerHello(int conn, boolean resumed, SessionTicket ticket) implements TlsMessage {}

    record Write(int conn, int seq) implements TlsMessage {}

    record Ack(int conn, int seq) implements TlsMessage {}

    record Close(int conn) implements TlsMessage {}

    /** The connection was cut (its backend stopped): unacknowledged writes must be sent again. */
    record Reset(int conn) implements TlsMessage {}

    /** A pass-through balancer carries a device connection's message to or from its backend. */
    record Tunnel(NodeId device, TlsMessage inner) implements TlsMessage {}

    /** The terminating gateway opens its upstream connection to a backend, offering a ticket if it has one. */
    record UpstreamHello(SessionTicket ticket) implements TlsMessage {}

    record UpstreamReady(boolean resumed, SessionTicket ticket) implements TlsMessage {}

    /** A device's write, forwarded by the terminating gateway on its upstream connection. */
    record UpstreamWrite(long id) implements TlsMessage {}

    record UpstreamAck(long id) implements TlsMessage {}

    /** The backend stops for its restart: its sessions, ticket keys and work in progress are gone. */
    record Stop() implements TlsMessage {}

    /** The restarted backend is ready. */
    record Ready() implements TlsMessage {}
}
