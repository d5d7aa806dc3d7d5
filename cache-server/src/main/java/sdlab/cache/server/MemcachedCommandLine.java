package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import sdlab.cache.memcached.MemcachedKey;

/**
 * One command line of the memcached text protocol, split into space-separated tokens, with the
 * strict number parsing memcached applies to its arguments.
 *
 * <p>A connection owns one and {@link #scan rescans} it for every line, so that the common
 * commands allocate nothing: the line's bytes are copied into an array the object keeps (one
 * short copy, after which every token is a plain array range instead of a bounds-checked
 * buffer read), and tokens are start and end offsets. Both arrays grow for a long line, such
 * as a {@code get} of thousands of keys, and are dropped again after it, so that an idle
 * connection keeps only a few hundred bytes.
 */
final class MemcachedCommandLine {
    static final int KEY_BYTES_MAX = MemcachedKey.BYTES_MAX;
    /** What {@link #signed} answers for a token that is not a decimal in the range of an int. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static final int LINE_BYTES_KEPT = 4096;
    private static final int TOKENS_KEPT = 256;
    private static final byte[] NOREPLY = ascii("noreply");

    private byte[] line = new byte[256];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    /** Takes the line in {@code in} from {@code from} to {@code to} (its line end excluded) and splits it on spaces. */
    MemcachedCommandLine scan(ByteBuf in, int from, int to) {
        int length = to - from;
        if (line.length < length || (line.length > LINE_BYTES_KEPT && length <= LINE_BYTES_KEPT)) {
            line = new byte[Math.max(length, 256)];
        }
        if (starts.length > TOKENS_KEPT) {
            starts = new int[16];
            ends = new int[16];
        }
        in.getBytes(from, line, 0, length);
        tokenize(length);
        return this;
    }

    /** Splits the first {@code length} bytes of {@link #line} on spaces; several spaces count as one, as in memcached. */
    private void tokenize(int length) {
        size = 0;
        int i = 0;
        while (true) {
            while (i < length && line[i] == ' ') {
                i++;
            }
            if (i == length) {
                return;
            }
            int start = i;
            while (i < length && line[i] != ' ') {
                i++;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = i;
            size++;
        }
    }

    int size() {
        return size;
    }

    /** The bytes of the line; token {@code index} is at {@link #start} for {@link #length} bytes. */
    byte[] bytes() {
        return line;
    }

    int start(int index) {
        return starts[index];
    }

    int length(int index) {
        return ends[index] - starts[index];
    }

    /** The first byte of token {@code index}, as an unsigned value. */
    int firstByte(int index) {
        return line[starts[index]] & 0xFF;
    }

    /** True if token {@code index} is exactly {@code word}. */
    boolean is(int index, byte[] word) {
        return index < size && Arrays.equals(line, starts[index], ends[index], word, 0, word.length);
    }

    /** Token {@code index} decoded as ASCII: for the rare commands whose arguments are words. */
    String text(int index) {
        return new String(line, starts[index], length(index), StandardCharsets.US_ASCII);
    }

    boolean isNoreply(int index) {
        return is(index, NOREPLY);
    }

    /**
     * Copies token {@code index} into {@code probe} as a key: at most 250 bytes; false if longer.
     * Any other byte is accepted, control characters and tabs included: the protocol text asks
     * clients not to send them, but memcached 1.6 checks only the length, and clients rely on
     * it (memaslap's keys start with eight 0x10 bytes). Spaces and line ends cannot occur, since
     * they end the token or the line.
     */
    boolean key(int index, MemcachedKey probe) {
        int length = length(index);
        if (length > KEY_BYTES_MAX) {
            return false;
        }
        System.arraycopy(line, starts[index], probe.buffer(), 0, length);
        probe.filled(length);
        return true;
    }

    /** An unsigned decimal below {@code limitExclusive} (with an optional '+', like strtoull), or -1. */
    long unsigned(int index, long limitExclusive) {
        int from = skipPlus(index);
        int digits = ends[index] - from;
        if (digits < 1 || digits > 20 || !fitsUnsigned64(from, ends[index])) {
            return -1;
        }
        long value = digitsValue(from, ends[index]);
        return Long.compareUnsigned(value, limitExclusive) >= 0 ? -1 : value;
    }

    /** An unsigned 64-bit decimal with an optional '+', returned as the bits of a long; null if invalid. */
    Long unsigned64(int index) {
        return unsigned64(index, 0);
    }

    /** {@link #unsigned64(int)} of token {@code index} without its first {@code skip} bytes (a meta flag's letter). */
    Long unsigned64(int index, int skip) {
        int from = skipPlus(index, starts[index] + skip);
        return fitsUnsigned64(from, ends[index]) ? Long.valueOf(digitsValue(from, ends[index])) : null;
    }

    /** A signed decimal that fits an int (as Java's {@code Long.parseLong} reads it), or {@link #NOT_A_NUMBER}. */
    long signed(int index) {
        long value = signedValue(starts[index], ends[index]);
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? NOT_A_NUMBER : value;
    }

    /**
     * A signed 64-bit decimal (as {@code Long.parseLong} reads it) in token {@code index} after
     * its first {@code skip} bytes, or null: the meta commands' numeric flags ({@code T30}).
     */
    Long signed64(int index, int skip) {
        int from = starts[index] + skip;
        int to = ends[index];
        long value = signedValue(from, to);
        // Long.MIN_VALUE is also the marker of a bad number: tell them apart by the text.
        boolean minimum = to - from >= 2
                && line[from] == '-'
                && fitsUnsigned64(from + 1, to)
                && digitsValue(from + 1, to) == Long.MIN_VALUE;
        return value == NOT_A_NUMBER && !minimum ? null : Long.valueOf(value);
    }

    /** The value of an optional sign and digits in {@code [from, to)}, or {@link #NOT_A_NUMBER}. */
    private long signedValue(int from, int to) {
        boolean negative = from < to && line[from] == '-';
        int digitsFrom = from < to && (line[from] == '-' || line[from] == '+') ? from + 1 : from;
        if (!fitsUnsigned64(digitsFrom, to)) {
            return NOT_A_NUMBER;
        }
        long magnitude = digitsValue(digitsFrom, to);
        if (negative) {
            return Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0 ? -magnitude : NOT_A_NUMBER;
        }
        return magnitude < 0 ? NOT_A_NUMBER : magnitude;
    }

    private int skipPlus(int index) {
        return skipPlus(index, starts[index]);
    }

    private int skipPlus(int index, int from) {
        return from < ends[index] && line[from] == '+' ? from + 1 : from;
    }

    /** True if {@code [from, to)} is one or more ASCII digits whose value fits 64 unsigned bits. */
    private boolean fitsUnsigned64(int from, int to) {
        if (from >= to) {
            return false;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            long shifted = value * 10;
            if (Long.compareUnsigned(value, 0x1999_9999_9999_9999L) > 0
                    || Long.compareUnsigned(shifted + digit, shifted) < 0) {
                return false;
            }
            value = shifted + digit;
        }
        return true;
    }

    /** The unsigned value of the digits in {@code [from, to)}, which {@link #fitsUnsigned64} accepted. */
    private long digitsValue(int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
