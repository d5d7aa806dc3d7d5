package sdlab.check.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads EDN as Jepsen and Knossos write it: maps, vectors, lists, sets (read as lists), keywords,
 * symbols, strings, characters, integers, floating-point numbers, ratios, nil, true and false;
 * commas are whitespace, {@code ;} starts a comment and {@code #_} discards the next form. A
 * tagged value ({@code #jepsen.history.Op{...}}, {@code #inst "..."}) is read as the value under
 * its tag: newer Jepsen versions write each operation as a tagged record. Maps become {@link
 * LinkedHashMap}s, sequences {@link List}s, integers {@link Long}s, other numbers {@link Double}s,
 * keywords {@link Keyword}s and symbols and ratios {@link Symbol}s.
 */
final class EdnReader {
    /** An EDN keyword such as {@code :invoke}; {@code name} has no colon. */
    record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** An EDN symbol such as {@code jepsen.history.Op}, or a number that is not an integer or a double. */
    record Symbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Nesting deeper than this is not a history; the bound keeps the recursion safe. */
    private static final int DEPTH_MAX = 64;

    private final String text;
    /** Keywords recur on every entry: one instance per name keeps a long history small. */
    private final Map<String, Keyword> keywords = new HashMap<>();

    private int pos;
    private int line;

    /** Reads {@code text}, whose first character is on line {@code firstLine} of the input. */
    EdnReader(String text, int firstLine) {
        this.text = text;
        this.line = firstLine;
    }

    /** True if another form follows (skipping whitespace, commas and comments). */
    boolean hasNext() {
        skipBlank();
        return pos < text.length();
    }

    /** The line the reader is at: after {@link #hasNext}, the line where the next form starts. */
    int line() {
        return line;
    }

    /** Consumes {@code c} if it is the next character after blanks; says whether it was. */
    boolean consume(char c) {
        if (hasNext() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads the next form. */
    Object next() {
        return read(0);
    }

    private Object read(int depth) {
        if (depth > DEPTH_MAX) {
            throw error("nesting deeper than " + DEPTH_MAX);
        }
        if (!hasNext()) {
            throw error("expected a value, found the end of the input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readMap(depth);
            case '[' -> readSequence(']', depth);
            case '(' -> readSequence(')', depth);
            case '#' -> readDispatch(depth);
            case '"' -> readString();
            case ':' -> keyword(readToken(pos + 1, "a keyword name after ':'"));
            case '\\' -> readCharacter();
            case '}', ']', ')' -> throw error("expected a value, found '" + c + "'");
            default -> readAtom();
        };
    }

    private Map<Object, Object> readMap(int depth) {
        int opened = line;
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            if (!hasNext()) {
                throw error("expected '}' to close the map" + startedOn(opened) + ", found the end of the input");
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                return map;
            }
            if (c == ']' || c == ')') {
                throw error("expected '}' to close the map" + startedOn(opened) + ", found '" + c + "'");
            }
            Object key = read(depth + 1);
            if (!hasNext() || text.charAt(pos) == '}') {
                throw error("expected a value for map key " + key);
            }
            map.put(key, read(depth + 1));
        }
    }

    private List<Object> readSequence(char close, int depth) {
        int opened = line;
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            if (!hasNext()) {
                throw error("expected '" + close + "' to close the sequence" + startedOn(opened)
                        + ", found the end of the input");
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                return items;
            }
            if (c == '}' || c == ']' || c == ')') {
                throw error(
                        "expected '" + close + "' to close the sequence" + startedOn(opened) + ", found '" + c + "'");
            }
            items.add(read(depth + 1));
        }
    }

    private Keyword keyword(String name) {
        return keywords.computeIfAbsent(name, Keyword::new);
    }

    /** {@code #{...}} a set or {@code #tag value} a tagged value ({@code #_} is blank, see skipBlank). */
    private Object readDispatch(int depth) {
        char after = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (after == '{') {
            pos++;
            return readSequence('}', depth);
        }
        if (isDelimiter(after)) {
            throw error("expected a set '#{', a discard '#_' or a tag such as '#jepsen.history.Op' after '#'");
        }
        readToken(pos + 1, "a tag"); // the tag names a type; the value under it is what matters
        return read(depth + 1);
    }

    /** A character literal ({@code \\a}, {@code \\newline}) as a one-character string. */
    private String readCharacter() {
        String token = readToken(pos + 1, "a character after '\\'");
        return switch (token) {
            case "newline" -> "\n";
            case "space" -> " ";
            case "tab" -> "\t";
            case "return" -> "\r";
            default -> {
                if (token.length() != 1) {
                    throw error("unknown character literal '\\" + token + "'");
                }
                yield token;
            }
        };
    }

    private String readString() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            out.append(
                    switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case '"', '\\' -> escaped;
                        default -> throw error("unsupported escape '\\" + escaped + "' in a string");
                    });
        }
        throw error("expected '\"' to close the string, found the end of the input");
    }

    private Object readAtom() {
        String token = readToken(pos, "a value");
        switch (token) {
            case "nil" -> {
                return null;
            }
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            default -> {}
        }
        char first = token.charAt(0);
        boolean numeric = Character.isDigit(first)
                || (token.length() > 1 && (first == '+' || first == '-') && Character.isDigit(token.charAt(1)));
        return numeric ? readNumber(token) : new Symbol(token);
    }

    private Object readNumber(String token) {
        String digits = token.endsWith("N") ? token.substring(0, token.length() - 1) : token;
        if (isInteger(digits)) {
            try {
                return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
            } catch (NumberFormatException e) {
                throw error("integer " + token + " does not fit in 64 bits");
            }
        }
        if (token.indexOf('/') > 0) {
            return new Symbol(token); // a ratio such as 1/3: kept as written
        }
        try {
            return Double.parseDouble(token.endsWith("M") ? token.substring(0, token.length() - 1) : token);
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + token + "'");
        }
    }

    private static boolean isInteger(String digits) {
        int from = digits.startsWith("+") || digits.startsWith("-") ? 1 : 0;
        if (from == digits.length()) {
            return false;
        }
        for (int i = from; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Reads a run of non-delimiter characters starting at {@code start}. */
    private String readToken(int start, String expected) {
        int end = start;
        while (end < text.length() && !isDelimiter(text.charAt(end))) {
            end++;
        }
        if (end == start) {
            throw error("expected " + expected);
        }
        pos = end;
        return text.substring(start, end);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == ',' || "{}[]()\";".indexOf(c) >= 0;
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == ',') {
                pos++;
            } else if (c == '#' && pos + 1 < text.length() && text.charAt(pos + 1) == '_') {
                pos += 2;
                read(0); // #_ discards the form after it
            } else if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Where an unclosed form began, when that is not the line the reader is at. */
    private String startedOn(int opened) {
        return opened == line ? "" : " that starts on line " + opened;
    }

    MalformedHistoryException error(String problem) {
        return new MalformedHistoryException(line, problem);
    }
}
