package sdlab.coord.wire;

/**
 * The server's answer to a {@link ConnectRequest} ({@code proto.ConnectResponse}), sent without a
 * reply header. A timeout of 0 (or less) tells the client its session has expired; otherwise it is
 * the negotiated timeout, with the session's id and password for reconnecting elsewhere.
 *
 * @param readOnly whether this server is a read-only server (always written, as ZooKeeper 3.9 does)
 */
public record ConnectResponse(int protocolVersion, int timeOutMs, long sessionId, byte[] passwd, boolean readOnly) {
    @Override
    public String toString() {
        return "ConnectResponse[protocolVersion=" + protocolVersion + ", timeOutMs=" + timeOutMs + ", sessionId="
                + sessionId + ", passwd=" + Jute.show(passwd) + ", readOnly=" + readOnly + "]";
    }
}
