package sdlab.coord.wire;

/**
 * The first packet of every connection ({@code proto.ConnectRequest}), sent without a request
 * header. A new session has sessionId 0 and a password of 16 zero bytes; a client that moves its
 * session to another server sends the id, the password and the last zxid it has seen, which the
 * server must not be behind. {@code readOnly} is the trailing flag that clients since 3.4 send
 * (in 3.9 a field of the record); a client that omits it is read as false.
 *
 * @param timeOutMs the session timeout the client asks for
 * @param passwd null when Jute sent -1
 */
public record ConnectRequest(
        int protocolVersion, long lastZxidSeen, int timeOutMs, long sessionId, byte[] passwd, boolean readOnly) {
    @Override
    public String toString() {
        return "ConnectRequest[protocolVersion=" + protocolVersion + ", lastZxidSeen=" + lastZxidSeen + ", timeOutMs="
                + timeOutMs + ", sessionId=" + sessionId + ", passwd=" + Jute.show(passwd) + ", readOnly=" + readOnly
                + "]";
    }
}
