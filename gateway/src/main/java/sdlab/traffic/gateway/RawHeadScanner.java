package sdlab.traffic.gateway;

import io.netty.buffer.ByteBuf;

/**
 * Reads the raw bytes of one request head for what Netty's decoder accepts without a trace:
 * obsolete line folding (RFC 9112, section 5.2: a header line that starts with a space or a tab,
 * continuing the line before), which the decoder joins into the previous field's value; and a
 * request line whose version is not exactly {@code HTTP/} digit {@code .} digit (the decoder
 * upper-cases {@code http/1.1} and accepts tabs between the parts), which nginx refuses.
 *
 * <p>It reads each byte of the head once, from the first byte of the request line to the empty
 * line that ends the head, and never a byte of the body; the decoder feeds it before each decode
 * step and resets it when a request ends. Empty lines before the request line are skipped, as the
 * decoder skips them.
 */
final class RawHeadScanner {
    /** Longer request lines are refused by the decoder (414) before this matters. */
    private static final int REQUEST_LINE_CHARS_MAX = 1 << 16;

    private final StringBuilder requestLine = new StringBuilder();
    private boolean requestLineSeen;
    private boolean requestLineMalformed;
    private boolean headEnded;
    private boolean folded;
    private int lineBytes;
    private boolean lastWasCr;

    /** Whether the head seen so far holds a folded line. */
    boolean folded() {
        return folded;
    }

    /** Whether the request line has a tab or a version other than {@code HTTP/d.d}. */
    boolean requestLineMalformed() {
        return requestLineMalformed;
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
                if (!empty && !requestLineSeen) {
                    requestLineSeen = true;
                    requestLineMalformed = !isWellFormed(requestLine);
                }
                lineBytes = 0;
                lastWasCr = false;
            } else {
                if (lineBytes == 0 && requestLineSeen && (b == ' ' || b == '\t')) {
                    folded = true;
                }
                if (!requestLineSeen && requestLine.length() < REQUEST_LINE_CHARS_MAX && b != '\r') {
                    requestLine.append((char) (b & 0xFF));
                }
                lineBytes++;
                lastWasCr = b == '\r';
            }
        }
        return index - from;
    }

    /** No tab, and the last word is {@code HTTP/} DIGIT {@code .} DIGIT, case-sensitive (RFC 9112, section 2.3). */
    private static boolean isWellFormed(CharSequence line) {
        int lastSpace = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                return false;
            }
            if (c == ' ') {
                lastSpace = i;
            }
        }
        int v = lastSpace + 1;
        return line.length() - v == 8
                && line.subSequence(v, v + 5).toString().equals("HTTP/")
                && isDigit(line.charAt(v + 5))
                && line.charAt(v + 6) == '.'
                && isDigit(line.charAt(v + 7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Forgets the last head: the next byte scanned starts a new request. */
    void reset() {
        requestLine.setLength(0);
        requestLineSeen = false;
        requestLineMalformed = false;
        headEnded = false;
        folded = false;
        lineBytes = 0;
        lastWasCr = false;
    }
}
