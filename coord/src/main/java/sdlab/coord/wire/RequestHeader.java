package sdlab.coord.wire;

import java.util.Optional;

/**
 * What precedes every request after the connect ({@code proto.RequestHeader}): the client's
 * request number, which the reply repeats, and the request type as a raw number, since a client
 * may send a type this server does not know (the answer is then UNIMPLEMENTED, not a dropped
 * connection).
 */
public record RequestHeader(int xid, int type) {
    /** The xid of a ping: {@code ClientCnxn.PING_XID}. */
    public static final int PING_XID = -2;
    /** The xid of an auth packet: {@code ClientCnxn.AUTHPACKET_XID}. */
    public static final int AUTH_XID = -4;
    /** The xid of setWatches after a reconnect: {@code ClientCnxn.SET_WATCHES_XID}. */
    public static final int SET_WATCHES_XID = -8;

    public Optional<OpCode> opCode() {
        return OpCode.of(type);
    }
}
