package sdlab.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The numbers of INCRBYFLOAT and HINCRBYFLOAT, computed as Redis computes them on x86-64: in C's
 * 80-bit {@code long double}, whose mantissa holds 64 bits. Java has no such type, so a value is
 * an exact decimal that is rounded to 64 significant bits after parsing and after each sum,
 * which is what the hardware does. Printing follows Redis's {@code ld2string} in human mode:
 * {@code %.17Lf} with trailing zeros removed. The results therefore match a real Redis digit
 * for digit ({@code 10.5 + 0.1} is {@code 10.6}), and they are deterministic, so a replayed
 * log stores the same text.
 */
final class LongDouble {
    /** Redis refuses longer numbers ({@code MAX_LONG_DOUBLE_CHARS}). */
    private static final int TEXT_BYTES_MAX = 5 * 1024;

    private static final int MANTISSA_BITS = 64;
    /** The largest exponent of a finite long double: values reach about 1.19e4932. */
    private static final int EXPONENT_MAX = 16383;
    /** Below this exponent a long double is subnormal; strtold reports it as out of range. */
    private static final int EXPONENT_MIN = -16382;

    private static final int PRINTED_DECIMALS = 17;

    /** Not a number Redis accepts: a parse failure. */
    static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private LongDouble() {}

    /**
     * Parses {@code text} as Redis's {@code string2ld} does: strtold syntax without leading
     * space, nothing after the number, and no NaN or out-of-range value. Infinity parses (to
     * null), and only fails when a result is computed from it.
     *
     * @return the value, or null for an infinity
     */
    static BigDecimal parse(byte[] text) throws Invalid {
        if (text.length == 0 || text.length >= TEXT_BYTES_MAX) {
            throw new Invalid();
        }
        String s = new String(text, StandardCharsets.ISO_8859_1);
        String unsigned = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return null;
        }
        if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new Invalid();
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(s.charAt(0) == '+' ? unsigned : s);
        } catch (NumberFormatException | ArithmeticException tooBig) {
            throw new Invalid();
        }
        BigDecimal rounded = round(exact);
        if (rounded == null || (rounded.signum() == 0 && exact.signum() != 0)) {
            throw new Invalid(); // strtold's ERANGE: overflow or underflow
        }
        return rounded;
    }

    /** {@code a + b} rounded to a long double, or null when the result is infinite. */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : round(a.add(b));
    }

    /** {@code a * b} rounded to a long double, or null when either is infinite or the result overflows. */
    static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : round(a.multiply(b));
    }

    /** The text Redis stores: {@code %.17Lf}, trailing zeros and a trailing point removed, never "-0". */
    static byte[] format(BigDecimal value) {
        String text = value.setScale(PRINTED_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        text = text.substring(0, end);
        return (text.equals("-0") ? "0" : text).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code exact} rounded to 64 significant bits, half to even as the FPU does; null when it
     * overflows, zero when it is too small for a normal long double.
     */
    private static BigDecimal round(BigDecimal exact) {
        if (exact.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal magnitude = exact.abs();
        int floorLog2 = floorLog2(magnitude);
        if (floorLog2 > EXPONENT_MAX) {
            return null;
        }
        if (floorLog2 < EXPONENT_MIN) {
            return BigDecimal.ZERO;
        }
        int shift = MANTISSA_BITS - 1 - floorLog2; // scales the value into [2^63, 2^64)
        BigInteger mantissa =
                times2(magnitude, shift).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal rounded = times2(new BigDecimal(mantissa), -shift);
        if (floorLog2(rounded) > EXPONENT_MAX) {
            return null;
        }
        return exact.signum() < 0 ? rounded.negate() : rounded;
    }

    /** The exponent of the highest set bit of a positive decimal. */
    private static int floorLog2(BigDecimal positive) {
        if (positive.compareTo(BigDecimal.ONE) >= 0) {
            return positive.toBigInteger().bitLength() - 1;
        }
        // Each decimal place is less than 3.33 bits, so this makes the value at least 1.
        int shift = (int) Math.ceil(positive.scale() * 3.33) + 1;
        return positive.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                        .toBigInteger()
                        .bitLength()
                - 1
                - shift;
    }

    /** {@code value * 2^power}, exactly (dividing by a power of two always terminates in decimal). */
    private static BigDecimal times2(BigDecimal value, int power) {
        if (power >= 0) {
            return value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
        }
        return value.multiply(BigDecimal.valueOf(5).pow(-power)).movePointLeft(-power);
    }
}
