package sdlab.chapters.traffic.responses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * One option of chapter 17: how clients time their retries after a 429.
 *
 * @param name the variant's name in reports
 * @param description one line for reports
 */
record ResponsesVariant(String name, String description) {
    static final String RETRY_AFTER = "retry-after";
    static final String BLIND = "blind";
    static final String BACKOFF = "backoff";
    static final String BACKOFF_JITTER = "backoff-jitter";
    static final String RATELIMIT_FIELDS = "ratelimit-fields";

    static final List<ResponsesVariant> ALL = List.of(
            new ResponsesVariant(
                    RETRY_AFTER, "clients wait as long as Retry-After says, holding all their requests meanwhile"),
            new ResponsesVariant(
                    BLIND,
                    "clients retry at once, as one does that looks for the time in Content-Type, Last-Modified"
                            + " or ETag and finds none"),
            new ResponsesVariant(BACKOFF, "clients ignore the headers and back off exponentially, without jitter"),
            new ResponsesVariant(
                    BACKOFF_JITTER, "clients ignore the headers and back off exponentially, with full jitter"),
            new ResponsesVariant(
                    RATELIMIT_FIELDS,
                    "clients honour Retry-After and also pause when an allowed response's RateLimit field says r=0"));

    static ResponsesVariant named(String name) {
        return ALL.stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no retry variant named " + name));
    }

    RetryPolicy policy(ParamValues values) {
        long blindNanos = values.get(ResponsesParams.BLIND_DELAY).toNanos();
        long baseNanos = values.get(ResponsesParams.BACKOFF_BASE).toNanos();
        long capNanos = values.get(ResponsesParams.BACKOFF_CAP).toNanos();
        return switch (name) {
            case RETRY_AFTER -> new RetryPolicy.HonourRetryAfter(blindNanos, false);
            case BLIND -> new RetryPolicy.Blind(blindNanos);
            case BACKOFF -> new RetryPolicy.Backoff(baseNanos, capNanos, false);
            case BACKOFF_JITTER -> new RetryPolicy.Backoff(baseNanos, capNanos, true);
            case RATELIMIT_FIELDS -> new RetryPolicy.HonourRetryAfter(blindNanos, true);
            default -> throw new IllegalStateException("unknown variant " + name);
        };
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("readsRetryAfter", name.equals(RETRY_AFTER) || name.equals(RATELIMIT_FIELDS));
        settings.put("backoff", name.startsWith(BACKOFF));
        settings.put("jitter", name.equals(BACKOFF_JITTER));
        settings.put("readsRateLimitField", name.equals(RATELIMIT_FIELDS));
        return new Variant(name, description, settings);
    }
}
