package sdlab.traffic.httpcache;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the cache needs of a request: its method, its target (the primary cache key, RFC 9111
 * section 2) and the fields a response may vary on, with {@code Cache-Control} and
 * {@code Authorization} among them when the request has them.
 *
 * @param method the method, case-sensitive as HTTP's methods are
 * @param target the request target, normalised by the caller
 * @param fields field values by name; names are compared case-insensitively and held in lower case.
 *     A field sent more than once is given as one value, its lines joined with commas.
 */
public record Request(String method, String target, Map<String, String> fields) {
    public Request {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        fields.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        fields = Map.copyOf(lowerCase);
    }

    /** A GET of {@code target} with {@code fields}. */
    public static Request get(String target, Map<String, String> fields) {
        return new Request("GET", target, fields);
    }

    /** The value of field {@code name}, or null when the request has none. */
    public String field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    /** The request's own cache directives. */
    public CacheControl cacheControl() {
        return CacheControl.parse(field("cache-control"));
    }

    boolean hasAuthorization() {
        return fields.containsKey("authorization");
    }
}
