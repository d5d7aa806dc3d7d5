package sdlab.traffic.gateway;

import io.netty.buffer.ByteBuf;

/**
 * Finds obsolete line folding (RFC 9112, section 5.2: a header line that starts with a space or
 * a tab, continuing the line before) in the bytes of one request head, which Netty's decoder
 * joins silently into the previous field's value.
 *
 * <p>It reads each byte of the head once, from the first byte of the request line to the empty
 * line that ends the head, and never a byte of the body; the decoder feeds it before each decode
 * step and resets it when a request ends. Empty lines before the request line are skipped, as the
 * decoder skips them.
 */
final class HeadFoldScanner {
    private boolean requestLineSeen;
    private boolean headEnded;
    private boolean folded;
    private int lineBytes;
    private boolean lastWasCr;

    /** Whether the head seen so far holds a folded line. */
    boolean folded() {
        return folded;
    }

    /** Whether the head's empty line has been seen; nothing more is scanned until {@link #reset()}. */
    boolean headEnded() {
        return headEnded;
    }

    /** Scans {@code buffer} from index {@code from} (inclusive) to {@code to}; returns how many bytes it read. */
    int scan(ByteBuf buffer, int from, int to) {
        int index = from;
        while (index < to && !headEnded) {
            byte b = buffer.getByte(index++);
            if (b == '\n') {
                boolean empty = lineBytes == 0 || (lineBytes == 1 && lastWasCr);
                if (empty && requestLineSeen) {
                    headEnded = true;
                }
                requestLineSeen |= !empty;
                lineBytes = 0;
                lastWasCr = false;
            } else {
                if (lineBytes == 0 && requestLineSeen && (b == ' ' || b == '\t')) {
                    folded = true;
                }
                lineBytes++;
                lastWasCr = b == '\r';
            }
        }
        return index - from;
    }

    /** Forgets the last head: the next byte scanned starts a new request. */
    void reset() {
        requestLineSeen = false;
        headEnded = false;
        folded = false;
        lineBytes = 0;
        lastWasCr = false;
    }
}
