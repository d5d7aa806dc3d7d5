package sdlab.chapters.traffic.responses;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The header fields chapter 17 asks about, and reading the IETF {@code RateLimit} field. */
final class Headers {
    static final String CONTENT_TYPE = "Content-Type";
    static final String RETRY_AFTER = "Retry-After";
    static final String LAST_MODIFIED = "Last-Modified";
    static final String ETAG = "ETag";

    /** The candidates of the question, in its order. */
    static final List<String> CANDIDATES = List.of(CONTENT_TYPE, RETRY_AFTER, LAST_MODIFIED, ETAG);

    private static final Pattern REMAINING = Pattern.compile(";r=([0-9]{1,18})");
    private static final Pattern WINDOW = Pattern.compile(";t=([0-9]{1,18})");

    private Headers() {}

    /**
     * What a {@code RateLimit} field value such as {@code "api";r=0;t=1} says: the quota left and
     * the seconds until it is back.
     */
    record Quota(long remaining, long seconds) {}

    static Optional<Quota> quota(String rateLimitValue) {
        Matcher remaining = REMAINING.matcher(rateLimitValue);
        Matcher window = WINDOW.matcher(rateLimitValue);
        if (!remaining.find() || !window.find()) {
            return Optional.empty();
        }
        return Optional.of(new Quota(Long.parseLong(remaining.group(1)), Long.parseLong(window.group(1))));
    }
}
