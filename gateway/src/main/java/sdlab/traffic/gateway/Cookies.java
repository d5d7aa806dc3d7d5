package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/** Reads one cookie from the {@code Cookie} fields without decoding them all (RFC 6265, 4.2). */
final class Cookies {
    private Cookies() {}

    /** The value of cookie {@code name}, or null. */
    static String value(HttpHeaders headers, String name) {
        for (String field : headers.getAll(HttpHeaderNames.COOKIE)) {
            int at = 0;
            while (at < field.length()) {
                int end = field.indexOf(';', at);
                if (end < 0) {
                    end = field.length();
                }
                int equals = field.indexOf('=', at);
                if (equals > 0
                        && equals < end
                        && field.substring(at, equals).trim().equals(name)) {
                    return unquote(field.substring(equals + 1, end).trim());
                }
                at = end + 1;
            }
        }
        return null;
    }

    /** A {@code Set-Cookie} value for a session cookie valid on the whole site. */
    static String session(String name, String value) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
