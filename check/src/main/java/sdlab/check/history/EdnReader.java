package sdlab.check.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of EDN that Jepsen histories use: maps, vectors, lists, sets (read as
 * lists), keywords, strings, integers, nil, true and false; commas are whitespace and {@code ;}
 * starts a comment. Maps become {@link LinkedHashMap}s, sequences {@link List}s, integers {@link
 * Long}s and keywords {@link Keyword}s.
 */
final class EdnReader {
    /** An EDN keyword such as {@code :invoke}; {@code name} has no colon. */
    record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** Nesting deeper than this is not a history; the bound keeps the recursion safe. */
    private static final int DEPTH_MAX = 64;

    private final String text;
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
            case '#' -> readSet(depth);
            case '"' -> readString();
            case ':' -> new Keyword(readToken(pos + 1, "a keyword name after ':'"));
            default -> readAtom(c);
        };
    }

    private Map<Object, Object> readMap(int depth) {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            if (!hasNext()) {
                throw error("expected '}' to close the map, found the end of the input");
            }
            if (text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            Object key = read(depth + 1);
            if (!hasNext() || text.charAt(pos) == '}') {
                throw error("expected a value for map key " + key);
            }
            map.put(key, read(depth + 1));
        }
    }

    private List<Object> readSequence(char close, int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            if (!hasNext()) {
                throw error("expected '" + close + "' to close the sequence, found the end of the input");
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                return items;
            }
            if (c == '}' || c == ']' || c == ')') {
                throw error("expected '" + close + "' to close the sequence, found '" + c + "'");
            }
            items.add(read(depth + 1));
        }
    }

    private List<Object> readSet(int depth) {
        if (pos + 1 >= text.length() || text.charAt(pos + 1) != '{') {
            throw error("expected '#{' (a set); other tagged EDN values are not supported");
        }
        pos++;
        return readSequence('}', depth);
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

    private Object readAtom(char first) {
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
        String digits = token.endsWith("N") ? token.substring(0, token.length() - 1) : token;
        if (digits.matches("[+-]?[0-9]+")) {
            try {
                return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
            } catch (NumberFormatException e) {
                throw error("integer " + token + " does not fit in 64 bits");
            }
        }
        throw error("expected a map, vector, keyword, string, integer, nil, true or false, found '" + token + "'");
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
            } else if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    MalformedHistoryException error(String problem) {
        return new MalformedHistoryException(line, problem);
    }
}
