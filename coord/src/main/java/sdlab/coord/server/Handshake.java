package sdlab.coord.server;

import sdlab.coord.wire.ConnectResponse;

/**
 * The coordinator's answer to a connect: the response to send and whether the connection may
 * carry requests. A refused handshake (unknown or expired session, wrong password) carries a
 * timeout of 0, which tells the client its session has expired; the connection is then closed.
 */
public record Handshake(ConnectResponse response, boolean accepted) {
    public long sessionId() {
        return response.sessionId();
    }
}
