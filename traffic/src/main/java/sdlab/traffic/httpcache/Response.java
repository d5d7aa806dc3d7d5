package sdlab.traffic.httpcache;

/**
 * What the cache needs of a response: whether its status may be stored, what its
 * {@code Cache-Control} and {@code Vary} fields say, and how many bytes keeping it costs.
 *
 * @param status the status code
 * @param cacheControl its cache directives
 * @param vary the request fields that selected it
 * @param sizeBytes what storing it costs against the cache's capacity
 */
public record Response(int status, CacheControl cacheControl, Vary vary, long sizeBytes) {
    public Response {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("a response's size is not negative, got " + sizeBytes);
        }
    }

    /** A response with the field values {@code cacheControl} and {@code vary} as sent (either may be null). */
    public static Response of(int status, String cacheControl, String vary, long sizeBytes) {
        return new Response(status, CacheControl.parse(cacheControl), Vary.parse(vary), sizeBytes);
    }
}
