package sdlab.traffic.http;

import java.util.Locale;

/**
 * The syntax of a Host field value or of an absolute-form target's authority (RFC 9110, section
 * 7.2, and RFC 3986, section 3.2): {@code host [ ":" port ]}, where host is a bracketed IP
 * literal or a name of unreserved characters, sub-delimiters and percent-escapes. No user
 * information ({@code user@host}), no slash, no space, no empty label ({@code .x}, {@code a..b}):
 * a value that a router and a backend could read as two different hosts is refused.
 *
 * <p>Host names are case-insensitive and a trailing dot names the same host, so routing uses
 * {@link #normalise(String)}: lower case, without the trailing dot, port kept.
 */
public final class HostField {
    private static final int PORT_DIGITS_MAX = 5;

    private HostField() {}

    /** Whether {@code value} is a well-formed, non-empty {@code host [":" port]}. */
    public static boolean isValid(String value) {
        if (value.isEmpty()) {
            return false;
        }
        int portStart;
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 2 || !isIpLiteral(value.substring(1, close))) {
                return false;
            }
            portStart = close + 1;
        } else {
            int colon = value.indexOf(':');
            portStart = colon < 0 ? value.length() : colon;
            if (portStart == 0 || !isRegName(value.substring(0, portStart))) {
                return false;
            }
        }
        if (portStart == value.length()) {
            return true;
        }
        return value.charAt(portStart) == ':' && isPort(value.substring(portStart + 1));
    }

    private static boolean isIpLiteral(String inside) {
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code value} (valid) in lower case and without a trailing dot on its host part. */
    public static String normalise(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            return lower;
        }
        int colon = lower.indexOf(':');
        int hostEnd = colon < 0 ? lower.length() : colon;
        if (hostEnd > 1 && lower.charAt(hostEnd - 1) == '.') {
            return lower.substring(0, hostEnd - 1) + lower.substring(hostEnd);
        }
        return lower;
    }

    private static boolean isRegName(String name) {
        if (name.startsWith(".") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                boolean escaped = i + 2 < name.length()
                        && Character.digit(name.charAt(i + 1), 16) >= 0
                        && Character.digit(name.charAt(i + 2), 16) >= 0;
                if (!escaped) {
                    return false;
                }
                i += 2;
            } else if (!RequestTarget.isUnreserved(c) && "!$&'()*+,;=".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986's port is any run of digits; more than five cannot name a TCP port. */
    private static boolean isPort(String port) {
        if (port.length() > PORT_DIGITS_MAX) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
