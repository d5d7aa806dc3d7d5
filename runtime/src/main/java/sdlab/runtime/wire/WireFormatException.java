package sdlab.runtime.wire;

/**
 * Bytes that are not a valid frame of this wire format: the expected failure of reading from a
 * peer, never a programmer error. The message says what was wrong and at which offset (counted
 * from the first byte of the frame, or of the stream for a {@link FrameReader}); the receiver
 * logs it and closes the connection.
 */
public final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /** A refusal: {@code problem} says what was wrong, {@code offset} where it was found. */
    public WireFormatException(String problem, long offset) {
        super(problem + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /** Where the problem was found, in bytes from the start of the frame or stream. */
    public long offset() {
        return offset;
    }
}
