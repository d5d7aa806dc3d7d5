package sdlab.traffic.httpcache;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code Cache-Control} field value into directives: {@code name [ "=" ( token /
 * quoted-string ) ]}, separated by commas that are not inside a quoted string (RFC 9111 section
 * 5.2, RFC 9110 section 5.6). A member whose name is not a token is dropped; an argument that is
 * neither a token nor a well-formed quoted string is kept as null, which the caller treats as
 * malformed.
 */
final class DirectiveList {
    /** More directives than any real field carries: the rest of a longer value is ignored. */
    static final int DIRECTIVES_MAX = 64;

    /**
     * One directive.
     *
     * @param name the directive's name as written
     * @param argument its argument, unquoted; null when absent or malformed
     */
    record Directive(String name, String argument) {}

    private DirectiveList() {}

    static List<Directive> split(String fieldValue) {
        List<Directive> directives = new ArrayList<>();
        for (String member : members(fieldValue)) {
            if (directives.size() == DIRECTIVES_MAX) {
                break;
            }
            Directive directive = directive(member.strip());
            if (directive != null) {
                directives.add(directive);
            }
        }
        return directives;
    }

    /** The list members: text between commas outside quoted strings. */
    private static List<String> members(String fieldValue) {
        List<String> members = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < fieldValue.length(); i++) {
            char c = fieldValue.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                members.add(fieldValue.substring(start, i));
                start = i + 1;
            }
        }
        members.add(fieldValue.substring(start));
        return members;
    }

    private static Directive directive(String member) {
        if (member.isEmpty()) {
            return null;
        }
        int equals = member.indexOf('=');
        String name = (equals < 0 ? member : member.substring(0, equals)).strip();
        if (!isToken(name)) {
            return null;
        }
        if (equals < 0) {
            return new Directive(name, null);
        }
        return new Directive(name, argument(member.substring(equals + 1).strip()));
    }

    /** A token as it is, a quoted string without its quotes and escapes, or null for anything else. */
    private static String argument(String text) {
        if (!text.startsWith("\"")) {
            return isToken(text) ? text : null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else if (c == '"') {
                return i == text.length() - 1 ? value.toString() : null;
            } else {
                value.append(c);
            }
        }
        return null;
    }

    /** RFC 9110 section 5.6.2: one or more tchar. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
