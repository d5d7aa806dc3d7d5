package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import sdlab.cache.store.LexRange;
import sdlab.cache.store.ScoreRange;

/**
 * Reading scores and ranges from sorted-set command arguments as Redis 7.0 does with
 * {@code strtod}: decimal text with an optional exponent, {@code inf} / {@code infinity} with
 * an optional sign, never NaN. Hexadecimal floats, which C's strtod also takes, are refused.
 */
final class ZSetArgs {
    static final String NOT_FLOAT = "ERR value is not a valid float";
    static final String RANGE_NOT_FLOAT = "ERR min or max is not a float";
    static final String RANGE_NOT_LEX = "ERR min or max not valid string range item";
    static final String NAN_RESULT = "ERR resulting score is not a number (NaN)";

    private ZSetArgs() {}

    /** A score (ZADD, ZINCRBY, WEIGHTS): overflow to infinity is refused, as strtod's ERANGE is. */
    static double parseScore(byte[] arg, String error) {
        double value = parse(arg, 0);
        if (Double.isNaN(value) || (Double.isInfinite(value) && !isInfinityWord(arg, 0))) {
            throw new CommandException(error);
        }
        return value;
    }

    /** {@code min max} of ZRANGEBYSCORE and ZCOUNT: {@code (} makes an end exclusive. */
    static ScoreRange parseScoreRange(byte[] min, byte[] max) {
        boolean minExclusive = min.length > 0 && min[0] == '(';
        boolean maxExclusive = max.length > 0 && max[0] == '(';
        double low = parse(min, minExclusive ? 1 : 0);
        double high = parse(max, maxExclusive ? 1 : 0);
        if (Double.isNaN(low) || Double.isNaN(high)) {
            throw new CommandException(RANGE_NOT_FLOAT);
        }
        return new ScoreRange(low, minExclusive, high, maxExclusive);
    }

    /** {@code min max} of ZRANGEBYLEX and ZLEXCOUNT: {@code [a}, {@code (a}, {@code -}, {@code +}. */
    static LexRange parseLexRange(byte[] min, byte[] max) {
        return new LexRange(lexBound(min), lexBound(max));
    }

    private static LexRange.Bound lexBound(byte[] arg) {
        if (arg.length == 1 && arg[0] == '-') {
            return LexRange.Bound.MINUS;
        }
        if (arg.length == 1 && arg[0] == '+') {
            return LexRange.Bound.PLUS;
        }
        if (arg.length > 0 && (arg[0] == '(' || arg[0] == '[')) {
            byte[] rest = Arrays.copyOfRange(arg, 1, arg.length);
            return LexRange.Bound.of(rest, arg[0] == '(');
        }
        throw new CommandException(RANGE_NOT_LEX);
    }

    /** The double {@code arg} spells from {@code from} on, or NaN if it is not one. */
    private static double parse(byte[] arg, int from) {
        if (!wellFormed(arg, from)) {
            return Double.NaN;
        }
        String text = new String(arg, from, arg.length - from, StandardCharsets.US_ASCII);
        if (isInfinityWord(arg, from)) {
            return text.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text);
    }

    private static boolean isInfinityWord(byte[] arg, int from) {
        int start = from;
        if (start < arg.length && (arg[start] == '+' || arg[start] == '-')) {
            start++;
        }
        String word = new String(arg, start, arg.length - start, StandardCharsets.US_ASCII);
        return word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    /** [+-] then inf | infinity | digits[.digits][e[+-]digits], with a digit in the mantissa. */
    private static boolean wellFormed(byte[] arg, int from) {
        int i = from;
        if (i < arg.length && (arg[i] == '+' || arg[i] == '-')) {
            i++;
        }
        if (isInfinityWord(arg, from)) {
            return true;
        }
        int digits = 0;
        while (i < arg.length && isDigit(arg[i])) {
            i++;
            digits++;
        }
        if (i < arg.length && arg[i] == '.') {
            i++;
            while (i < arg.length && isDigit(arg[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < arg.length && (arg[i] == 'e' || arg[i] == 'E')) {
            i++;
            if (i < arg.length && (arg[i] == '+' || arg[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < arg.length && isDigit(arg[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == arg.length;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
