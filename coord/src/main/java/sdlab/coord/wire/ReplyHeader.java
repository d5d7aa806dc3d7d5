package sdlab.coord.wire;

/**
 * What precedes every reply and notification ({@code proto.ReplyHeader}): the request's xid (-1
 * for a watch notification), the zxid the server has seen (clients remember the largest), and an
 * error code ({@link sdlab.coord.tree.Code#value()}; 0 is OK, and then the response record follows).
 */
public record ReplyHeader(int xid, long zxid, int err) {
    /** The xid of a watch notification: {@code ClientCnxn.NOTIFICATION_XID}. */
    public static final int NOTIFICATION_XID = -1;
}
