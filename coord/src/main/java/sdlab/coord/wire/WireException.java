package sdlab.coord.wire;

/**
 * Bytes that are not a valid ZooKeeper packet: truncated, a negative length other than -1, a
 * length beyond the bound, an unknown record type where only some are allowed. It names the
 * field and the byte offset in the packet where decoding stopped, so that a server can log it and
 * drop the connection (as ZooKeeper does with an {@code IOException}); it is checked because bad
 * input from the network is expected, not a bug.
 */
public final class WireException extends Exception {
    private final int offset;

    public WireException(String message, int offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** The offset in the packet (after its length prefix) where decoding failed. */
    public int offset() {
        return offset;
    }
}
