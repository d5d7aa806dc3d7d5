package sdlab.runtime.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a byte stream (what a connection delivers, in chunks of any size) into whole frames.
 *
 * <p>Reads only the length prefix: the version and the body are the codec's to check. A length
 * prefix outside {@code FRAME_LENGTH_MIN..frameBytesMax} is refused as soon as its four bytes
 * arrive, before any of the frame is buffered, so a peer cannot make the reader hold more than
 * one bounded frame plus the chunk being appended. After a refusal the stream has lost its
 * framing: the reader keeps refusing, and the connection should be closed.
 *
 * <p>Not thread-safe: one reader per connection, used by its event loop.
 */
public final class FrameReader {
    private final int frameBytesMax;
    private byte[] buffer = new byte[256];
    private int start;
    private int end;
    /** Stream offset of {@code buffer[start]}, for error messages. */
    private long consumed;

    private WireFormatException failure;

    /** A reader that refuses frames whose length prefix exceeds {@code frameBytesMax}; use the codec's bound. */
    public FrameReader(int frameBytesMax) {
        if (frameBytesMax < MessageCodec.FRAME_LENGTH_MIN) {
            throw new IllegalArgumentException(
                    "frameBytesMax must be at least " + MessageCodec.FRAME_LENGTH_MIN + ", got " + frameBytesMax);
        }
        this.frameBytesMax = frameBytesMax;
    }

    /** Adds bytes that arrived from the stream. */
    public void append(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (end + length > buffer.length) {
            compact(length);
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    /** The next whole frame (length prefix included), or empty if its bytes have not all arrived. */
    public Optional<byte[]> next() throws WireFormatException {
        if (failure != null) {
            throw failure;
        }
        if (end - start < Integer.BYTES) {
            return Optional.empty();
        }
        int announced = ((buffer[start] & 0xff) << 24)
                | ((buffer[start + 1] & 0xff) << 16)
                | ((buffer[start + 2] & 0xff) << 8)
                | (buffer[start + 3] & 0xff);
        try {
            MessageCodec.checkLength(announced, frameBytesMax, consumed);
        } catch (WireFormatException e) {
            failure = e;
            throw e;
        }
        int frameBytes = Integer.BYTES + announced;
        if (end - start < frameBytes) {
            return Optional.empty();
        }
        byte[] frame = Arrays.copyOfRange(buffer, start, start + frameBytes);
        start += frameBytes;
        consumed += frameBytes;
        return Optional.of(frame);
    }

    /** Bytes received but not yet returned in a frame. */
    public int buffered() {
        return end - start;
    }

    private void compact(int more) {
        int pending = end - start;
        long needed = (long) pending + more;
        if (needed > buffer.length) {
            long grown = Math.max(needed, Math.min((long) buffer.length * 2, Integer.MAX_VALUE - 8L));
            if (grown > Integer.MAX_VALUE - 8L) {
                throw new IllegalArgumentException("a frame reader cannot buffer " + needed + " bytes");
            }
            byte[] bigger = new byte[(int) grown];
            System.arraycopy(buffer, start, bigger, 0, pending);
            buffer = bigger;
        } else {
            System.arraycopy(buffer, start, buffer, 0, pending);
        }
        start = 0;
        end = pending;
    }
}
