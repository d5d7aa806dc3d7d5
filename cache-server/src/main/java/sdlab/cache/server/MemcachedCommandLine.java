package sdlab.cache.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line of the memcached text protocol, split into space-separated tokens, with
 * the strict number parsing memcached applies to its arguments.
 */
final class MemcachedCommandLine {
    static final int KEY_BYTES_MAX = 250;

    private final List<byte[]> tokens;

    private MemcachedCommandLine(List<byte[]> tokens) {
        this.tokens = tokens;
    }

    /** Splits {@code line} on spaces; several spaces count as one, as in memcached. */
    static MemcachedCommandLine parse(byte[] line) {
        List<byte[]> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length; i++) {
            boolean space = i == line.length || line[i] == ' ';
            if (space && start >= 0) {
                byte[] token = new byte[i - start];
                System.arraycopy(line, start, token, 0, token.length);
                tokens.add(token);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return new MemcachedCommandLine(tokens);
    }

    int size() {
        return tokens.size();
    }

    byte[] token(int index) {
        return tokens.get(index);
    }

    String text(int index) {
        return new String(tokens.get(index), StandardCharsets.US_ASCII);
    }

    String command() {
        return tokens.isEmpty() ? "" : text(0);
    }

    boolean isNoreply(int index) {
        return index < tokens.size() && text(index).equals("noreply");
    }

    /**
     * A key: at most 250 bytes; null if longer. Any other byte is accepted, control characters
     * and tabs included: the protocol text asks clients not to send them, but memcached 1.6
     * checks only the length, and clients rely on it (memaslap's keys start with eight 0x10
     * bytes). Spaces and line ends cannot occur, since they end the token or the line.
     */
    byte[] key(int index) {
        byte[] key = tokens.get(index);
        return key.length > KEY_BYTES_MAX ? null : key;
    }

    /** An unsigned decimal below {@code limit} (with an optional '+', like strtoull), or -1. */
    long unsigned(int index, long limitExclusive) {
        String text = text(index);
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            long value = Long.parseUnsignedLong(text);
            return limitExclusive > 0 && Long.compareUnsigned(value, limitExclusive) >= 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An unsigned 64-bit decimal, returned as the bits of a long; null if invalid. */
    Long unsigned64(int index) {
        String text = text(index);
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A signed decimal that fits an int, or null. */
    Long signed(int index) {
        try {
            long value = Long.parseLong(text(index));
            return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
