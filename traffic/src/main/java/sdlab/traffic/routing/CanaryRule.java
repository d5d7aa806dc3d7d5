package sdlab.traffic.routing;

/**
 * A route's canary rules.
 *
 * @param header the request header that opts a request in, or null for none
 * @param headerValue the value that opts in; {@value #ANY_VALUE} accepts any value
 * @param weightPercent the share of unpinned, unmarked requests drawn to the canary, 0 to 100
 * @param pinSessions whether a request's track is pinned in a session cookie and the pin
 *     honoured first; false lets the rules decide every request anew
 */
public record CanaryRule(String header, String headerValue, int weightPercent, boolean pinSessions) {
    /** A {@code headerValue} that accepts the header with any value. */
    public static final String ANY_VALUE = "always";

    public CanaryRule {
        if (weightPercent < 0 || weightPercent > 100) {
            throw new IllegalArgumentException("weightPercent must be 0 to 100, got " + weightPercent);
        }
        if (header != null && headerValue == null) {
            throw new IllegalArgumentException("a canary header needs a value (or \"" + ANY_VALUE + "\")");
        }
    }

    /** Whether a request whose {@link #header} field is {@code value} (null: absent) opts in. */
    public boolean headerOptsIn(String value) {
        return header != null && value != null && (headerValue.equals(ANY_VALUE) || headerValue.equals(value));
    }
}
