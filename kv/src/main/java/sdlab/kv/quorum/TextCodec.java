package sdlab.kv.quorum;

import java.util.ArrayList;
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

    /** Appends tokens to a string. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder();

        Writer value(Object value) {
            switch (value) {
                case null -> text.append('N');
                case Long l -> text.append('L').append(l).append(';');
                case Integer i -> text.append('I').append(i).append(';');
                case Boolean b -> text.append('B').append(b ? '1' : '0');
                case String s -> string(s);
                case List<?> list -> {
                    text.append('[').append(list.size()).append(':');
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
            text.append('S').append(s.length()).append(':').append(s);
            return this;
        }

        Writer number(long number) {
            text.append('L').append(number).append(';');
            return this;
        }

        Writer tag(char tag) {
            text.append(tag);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
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
