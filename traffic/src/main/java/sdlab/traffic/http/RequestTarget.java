package sdlab.traffic.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A request target in normal form: the path every router, limit and backend sees, however the
 * client spelled it.
 *
 * <p>The normal form follows RFC 3986, section 6.2.2, and what nginx does before it matches a
 * {@code location}: percent-escapes of unreserved characters are decoded ({@code %6c} is
 * {@code l}, {@code %2e} is {@code .}) and the rest are written with upper-case digits; dot
 * segments are removed (section 5.2.4); runs of slashes are merged into one; bytes outside ASCII
 * (which the request line carries raw, one character per byte) are percent-encoded; a fragment,
 * which a client should not send, is dropped. The query is kept as sent, bar the same encoding of
 * bytes outside ASCII. An absolute-form target ({@code http://host/path}, RFC 9112 section 3.2.2) yields its
 * authority, which then replaces the Host field.
 *
 * <p>Some targets have no safe normal form and are refused: an encoded slash ({@code %2F}),
 * which one backend reads as a separator and another as data; a dot segment that climbs above
 * the root ({@code /../etc}); an encoded NUL; a malformed escape; a control character; the
 * asterisk form ({@code OPTIONS *}), which asks about a server and not a route; and any scheme
 * but http and https.
 *
 * @param authority the authority of an absolute-form target, or null for origin form
 * @param path the normalised path, starting with {@code /}
 * @param query the query as sent, without its {@code ?}, or null if there was none
 */
public record RequestTarget(String authority, String path, String query) {
    /** A target longer than this is refused before it is looked at (the listener's own limit is lower). */
    private static final int TARGET_CHARS_MAX = 1 << 20;

    /** The outcome of parsing a target: its normal form, or why it has none. */
    public sealed interface Parsed permits Normal, Refused {}

    /** A target with a normal form. */
    public record Normal(RequestTarget target) implements Parsed {}

    /** A target refused; {@code reason} says why, for the client's 400 response. */
    public record Refused(String reason) implements Parsed {}

    /** The target in origin form: the normalised path and the query. */
    public String originForm() {
        return query == null ? path : path + "?" + query;
    }

    /**
     * Parses and normalises {@code sent}, the request line's target, each character standing
     * for one byte (ISO-8859-1, as HTTP/1.1 decoders read it).
     */
    public static Parsed parse(String sent) {
        int fragment = sent.indexOf('#');
        String text = fragment < 0 ? sent : sent.substring(0, fragment);
        if (text.isEmpty() || text.length() > TARGET_CHARS_MAX) {
            return new Refused("empty or oversized request target");
        }
        if (text.equals("*")) {
            return new Refused("the asterisk form (OPTIONS *) asks about a server, not a route");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return new Refused("control character or space in the request target");
            }
            if (c > 0xFF) {
                return new Refused("a character that is not a byte in the request target");
            }
        }
        String authority = null;
        int pathStart = 0;
        if (text.charAt(0) != '/') {
            int schemeEnd = text.indexOf("://");
            if (schemeEnd <= 0) {
                return new Refused("a request target starts with '/' or 'http://'");
            }
            String scheme = text.substring(0, schemeEnd);
            if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                return new Refused("scheme '" + scheme + "' is not http or https");
            }
            int authorityStart = schemeEnd + 3;
            pathStart = endOfAuthority(text, authorityStart);
            authority = text.substring(authorityStart, pathStart);
            if (!HostField.isValid(authority)) {
                return new Refused("invalid authority in an absolute-form target");
            }
        }
        int queryStart = text.indexOf('?', pathStart);
        String rawPath = queryStart < 0 ? text.substring(pathStart) : text.substring(pathStart, queryStart);
        String query = queryStart < 0 ? null : escapeNonAscii(text.substring(queryStart + 1));
        Outcome path = normalisePath(rawPath.isEmpty() ? "/" : rawPath);
        return path.reason() != null
                ? new Refused(path.reason())
                : new Normal(new RequestTarget(authority, path.path(), query));
    }

    private static int endOfAuthority(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return text.length();
    }

    /** The normal form of {@code rawPath}, or the reason it has none. */
    private static Outcome normalisePath(String rawPath) {
        if (isPlainlyNormal(rawPath)) {
            return Outcome.normal(rawPath); // the common case, on every request: nothing to rewrite
        }
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c > 0x7F) {
                appendEscaped(decoded, c);
                continue;
            }
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return Outcome.refused("malformed percent-escape in the path");
            }
            char value = (char) (high * 16 + low);
            if (value == '/') {
                return Outcome.refused("encoded slash (%2F) in the path");
            }
            if (value == 0) {
                return Outcome.refused("encoded NUL (%00) in the path");
            }
            if (isUnreserved(value)) {
                decoded.append(value);
            } else {
                decoded.append('%')
                        .append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
            }
            i += 2;
        }
        return removeDotSegments(decoded.toString());
    }

    /** A path with no escape, no byte outside ASCII, no empty segment and no segment that starts with a dot. */
    private static boolean isPlainlyNormal(String path) {
        if (path.charAt(0) != '/') {
            return false;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c > 0x7F || ((c == '/' || c == '.') && path.charAt(i - 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 3986's remove_dot_segments, with empty segments merged away, for a path that starts
     * with a slash. A {@code ..} with nothing left to remove climbs above the root: refused.
     */
    private static Outcome removeDotSegments(String path) {
        if (path.charAt(0) != '/') {
            return Outcome.refused("the path does not start with '/'");
        }
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            switch (segment) {
                case "", "." -> trailingSlash = last;
                case ".." -> {
                    if (kept.isEmpty()) {
                        return Outcome.refused("the path climbs above the root");
                    }
                    kept.remove(kept.size() - 1);
                    trailingSlash = last;
                }
                default -> kept.add(segment);
            }
        }
        if (kept.isEmpty()) {
            return Outcome.normal("/");
        }
        return Outcome.normal("/" + String.join("/", kept) + (trailingSlash ? "/" : ""));
    }

    private static String escapeNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                StringBuilder escaped = new StringBuilder(text.length() + 16);
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c > 0x7F) {
                        appendEscaped(escaped, c);
                    } else {
                        escaped.append(c);
                    }
                }
                return escaped.toString();
            }
        }
        return text;
    }

    private static void appendEscaped(StringBuilder out, char oneByte) {
        out.append('%')
                .append(Character.toUpperCase(Character.forDigit(oneByte >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(oneByte & 0xF, 16)));
    }

    /** RFC 3986's unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /** A normalised path, or the reason there is none. */
    private record Outcome(String path, String reason) {
        static Outcome normal(String path) {
            return new Outcome(path, null);
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }
}
