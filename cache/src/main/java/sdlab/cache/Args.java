package sdlab.cache;

import java.nio.charset.StandardCharsets;

/** Reading command arguments the way Redis does, without allocating on the common paths. */
final class Args {
    private static final int LONG_DIGITS_MAX = 20;

    private Args() {}

    /** Whether {@code arg} equals the ASCII word {@code word}, ignoring case. */
    static boolean is(byte[] arg, String word) {
        if (arg.length != word.length()) {
            return false;
        }
        for (int i = 0; i < arg.length; i++) {
            if (upper(arg[i]) != upper(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }

    static String text(byte[] arg) {
        return new String(arg, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a signed 64-bit integer or throws {@code ERR value is not an integer or out of range}. */
    static long parseLong(byte[] arg) {
        long[] out = new long[1];
        if (!tryParseLong(arg, out)) {
            throw new CommandException(ErrorReplies.NOT_INTEGER);
        }
        return out[0];
    }

    /** Like {@link #parseLong} for an int. */
    static int parseInt(byte[] arg) {
        long value = parseLong(arg);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new CommandException(ErrorReplies.NOT_INTEGER);
        }
        return (int) value;
    }

    /**
     * Redis's {@code string2ll}: an optional minus sign, then digits without leading zeros (or a
     * lone 0), no spaces, no plus sign, within the range of a long.
     */
    static boolean tryParseLong(byte[] arg, long[] out) {
        int length = arg.length;
        if (length == 0 || length > LONG_DIGITS_MAX) {
            return false;
        }
        if (length == 1 && arg[0] == '0') {
            out[0] = 0;
            return true;
        }
        boolean negative = arg[0] == '-';
        int i = negative ? 1 : 0;
        if (i >= length || arg[i] < '1' || arg[i] > '9') {
            return false;
        }
        long value = 0; // accumulated as a negative number, whose range is one larger
        for (; i < length; i++) {
            int digit = arg[i] - '0';
            if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return false;
        }
        out[0] = negative ? value : -value;
        return true;
    }

    /** The decimal digits of {@code value}, as INCR stores its result. */
    static byte[] digits(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
