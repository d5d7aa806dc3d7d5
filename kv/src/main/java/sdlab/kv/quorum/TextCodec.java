package sdlab.kv.quorum;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A small self-delimiting text encoding for what replicas keep on disk. Every token says its
 * own length, so no escaping is needed and any string round-trips:
 *
 * <pre>
 * N              null            B1 / B0         true / false
 * L-42;          Long -42        I7;             Integer 7
 * S5:hello       String "hello" (length in UTF-16 chars)
 * [2:L1;L2;      List of 2 values, encoded one after the other
 * </pre>
 *
 * Readable in a hex dump and in a trace, which matters more here than compactness.
 */
final class TextCodec {
    /** Lists nested deeper than this are refused rather than risking a deep recursion. */
    static final int NESTING_DEPTH_MAX = 16;

    private TextCodec() {}

    /** Whether {@code value} can be stored: null, Long, Integer, String, Boolean, or a List of those. */
    static boolean isStorable(Object value) {
        return isStorable(value, 0);
    }

    private static boolean isStorable(Object value, int depth) {
        return switch (value) {
            case null -> true;
            case Long l -> true;
            case Integer i -> true;
            case String s -> true;
            case Boolean b -> true;
            case List<?> list -> depth < NESTING_DEPTH_MAX && list.stream().allMatch(e -> isStorable(e, depth + 1));
            default -> false;
        };
    }

    /**
     * Appends tokens as UTF-8 bytes. Every replica write encodes a record, so the tokens go
     * straight into a byte array: no string is built and then encoded. Space can be kept free
     * at the front for a frame header that is known only once the payload is written.
     */
    static final class Writer {
        private byte[] bytes;
        private int length;
        private final int reserved;

        Writer() {
            this(0);
        }

        /** A writer whose first {@code reserved} bytes are left for the header of {@link #framed}. */
        Writer(int reserved) {
            this.reserved = reserved;
            this.bytes = new byte[reserved + 64];
            this.length = reserved;
        }

        Writer value(Object value) {
            switch (value) {
                case null -> ascii('N');
                case Long l -> number(l);
                case Integer i -> ascii('I').decimal(i).ascii(';');
                case Boolean b -> ascii('B').ascii(b ? '1' : '0');
                case String s -> string(s);
                case List<?> list -> {
                    ascii('[').decimal(list.size()).ascii(':');
                    list.forEach(this::value);
                }
                default ->
                    throw new IllegalArgumentException("cannot store a value of type "
                            + value.getClass().getName()
                            + ": the store keeps null, Long, Integer, String, Boolean and Lists of them");
            }
            return this;
        }

        Writer string(String s) {
            ascii('S').decimal(s.length()).ascii(':');
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    // Not ASCII: let the JDK encode what is left (surrogate pairs included).
                    byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                    room(rest.length);
                    System.arraycopy(rest, 0, bytes, length, rest.length);
                    length += rest.length;
                    return this;
                }
                bytes[length++] = (byte) c;
            }
            return this;
        }

        Writer number(long number) {
            return ascii('L').decimal(number).ascii(';');
        }

        Writer tag(char tag) {
            return ascii(tag);
        }

        /**
         * The frame {@code <payload length in bytes>:<payload>\n}: the length and the colon
         * go into the end of the reserved space, just before the payload.
         */
        byte[] framed() {
            int payloadLength = length - reserved;
            int start = reserved - 1 - digitCount(payloadLength);
            if (start < 0) {
                throw new IllegalStateException("no room reserved for the length of " + payloadLength + " bytes");
            }
            int end = length;
            length = start;
            decimal(payloadLength).ascii(':');
            length = end;
            ascii('\n');
            return Arrays.copyOfRange(bytes, start, length);
        }

        @Override
        public String toString() {
            return new String(bytes, reserved, length - reserved, StandardCharsets.UTF_8);
        }

        private Writer ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
            return this;
        }

        private Writer decimal(long number) {
            if (number == Long.MIN_VALUE) {
                byte[] digits = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
                room(digits.length);
                System.arraycopy(digits, 0, bytes, length, digits.length);
                length += digits.length;
                return this;
            }
            room(20);
            if (number < 0) {
                bytes[length++] = '-';
                number = -number;
            }
            // Timestamps have eleven digits or more and every record holds one: write the
            // digits two at a time from the end, as the JDK's own formatting does.
            int end = length + digitCount(number);
            int at = end;
            while (number >= 100) {
                long quotient = number / 100;
                int pair = (int) (number - quotient * 100);
                bytes[--at] = (byte) ('0' + pair % 10);
                bytes[--at] = (byte) ('0' + pair / 10);
                number = quotient;
            }
            if (number >= 10) {
                bytes[--at] = (byte) ('0' + number % 10);
                number /= 10;
            }
            bytes[--at] = (byte) ('0' + number);
            length = end;
            return this;
        }

        private static int digitCount(long positive) {
            int count = 1;
            for (long bound = 10; count < 19 && positive >= bound; bound *= 10) {
                count++;
            }
            return count;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads tokens back; throws IllegalArgumentException on text it did not write. */
    static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Object value() {
            return value(0);
        }

        private Object value(int depth) {
            char tag = tag();
            return switch (tag) {
                case 'N' -> null;
                case 'L' -> Long.parseLong(until(';'));
                case 'I' -> Integer.parseInt(until(';'));
                case 'B' -> tag() == '1';
                case 'S' -> chars(Integer.parseInt(until(':')));
                case '[' -> list(Integer.parseInt(until(':')), depth);
                default -> throw malformed("unknown tag '" + tag + "'");
            };
        }

        private List<Object> list(int size, int depth) {
            if (depth >= NESTING_DEPTH_MAX || size < 0 || size > text.length() - position) {
                throw malformed("implausible list of " + size + " at depth " + depth);
            }
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(value(depth + 1));
            }
            return Collections.unmodifiableList(list);
        }

        String string() {
            expect('S');
            return chars(Integer.parseInt(until(':')));
        }

        long number() {
            expect('L');
            return Long.parseLong(until(';'));
        }

        char tag() {
            if (position >= text.length()) {
                throw malformed("unexpected end");
            }
            return text.charAt(position++);
        }

        void expect(char tag) {
            char found = tag();
            if (found != tag) {
                throw malformed("expected '" + tag + "' but found '" + found + "'");
            }
        }

        boolean atEnd() {
            return position == text.length();
        }

        private String chars(int length) {
            if (length < 0 || position + length > text.length()) {
                throw malformed("string of " + length + " chars does not fit");
            }
            String s = text.substring(position, position + length);
            position += length;
            return s;
        }

        private String until(char end) {
            int stop = text.indexOf(end, position);
            if (stop < 0) {
                throw malformed("missing '" + end + "'");
            }
            String s = text.substring(position, stop);
            position = stop + 1;
            return s;
        }

        private IllegalArgumentException malformed(String why) {
            return new IllegalArgumentException("malformed record at char " + position + ": " + why);
        }
    }
}
