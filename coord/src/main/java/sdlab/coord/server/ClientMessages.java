package sdlab.coord.server;

import java.util.Objects;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.ConnectResponse;
import sdlab.coord.wire.Packets;

/**
 * Between a replicated coordination server and one client connection, as decoded packets: in the
 * simulator a client node sends and receives them; for real, the ZooKeeper front door turns each
 * TCP connection's packets into them and back, so the server's decisions are the same code in
 * both worlds.
 *
 * <pre>
 * connection -> server   Connect, then Request*; Disconnected when the socket closes
 * server -> connection   Handshaken; Packet* (replies in request order, watch events before
 *                        the replies that follow them); Close (drop the connection, no reply)
 * </pre>
 */
public final class ClientMessages {
    private ClientMessages() {}

    /** From a connection to its server. */
    public sealed interface ToServer extends CoordMessage permits Connect, Request, Disconnected {}

    /** From a server to one connection. */
    public sealed interface ToClient extends CoordMessage permits Handshaken, Packet, Close {}

    /** The connection's first packet. */
    public record Connect(ConnectRequest request) implements ToServer {
        public Connect {
            Objects.requireNonNull(request, "request");
        }
    }

    /** A request of the session the connection opened or resumed. */
    public record Request(int xid, ClientRequest request) implements ToServer {
        public Request {
            Objects.requireNonNull(request, "request");
        }
    }

    /** The connection closed (its session lives on until it expires). */
    public record Disconnected() implements ToServer {}

    /**
     * The answer to Connect. Not accepted: the session is unknown, expired or its password is
     * wrong (timeout 0 tells the client it expired); the server then closes the connection.
     */
    public record Handshaken(ConnectResponse response, boolean accepted) implements ToClient {
        public Handshaken {
            Objects.requireNonNull(response, "response");
        }
    }

    /** A reply or a watch event. */
    public record Packet(Packets.Reply reply) implements ToClient {
        public Packet {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * The server drops the connection without a word, as a ZooKeeper server does when it cannot
     * serve (no quorum, or the client has seen a later zxid than this server holds) or its
     * session expired: the client reconnects, here or elsewhere.
     */
    public record Close() implements ToClient {}
}
