package sdlab.traffic.gateway;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters, rendered in the Prometheus text exposition format (version 0.0.4) on
 * the admin port's {@code /metrics}. Counters are {@link LongAdder}s found by a map lookup per
 * request; every name set (routes, limits, upstreams) is fixed by the configuration, so the
 * maps stay small.
 */
public final class GatewayMetrics {
    /** Upper bounds of the latency histogram's buckets, in seconds. */
    static final double[] LATENCY_BUCKETS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10
    };

    /** The buckets' {@code le} labels, in plain decimal ("0.0005", not "5.0E-4"). */
    private static final String[] BUCKET_LABELS = Arrays.stream(LATENCY_BUCKETS_SECONDS)
            .mapToObj(bound -> BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString())
            .toArray(String[]::new);

    private static final double NANOS_PER_SECOND = 1e9;

    /** Requests answered for one route. */
    private static final class RouteCounters {
        final LongAdder[] byStatusClass = adders(6);
        final LongAdder[] latencyBuckets = adders(LATENCY_BUCKETS_SECONDS.length + 1);
        final LongAdder latencyNanosSum = new LongAdder();
    }

    private final Map<String, RouteCounters> routes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> upstreamFailures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ejections = new ConcurrentHashMap<>();
    final AtomicInteger connectionsOpen = new AtomicInteger();
    final AtomicInteger requestsInFlight = new AtomicInteger();
    final LongAdder connectionsAccepted = new LongAdder();
    final LongAdder tlsHandshakes = new LongAdder();
    final LongAdder upstreamConnects = new LongAdder();
    /** HTTP/1.1 connections closed because a request head took longer than the limit. */
    final LongAdder headerTimeouts = new LongAdder();

    void request(String route, int status, long latencyNanos) {
        RouteCounters counters = routes.computeIfAbsent(route, r -> new RouteCounters());
        counters.byStatusClass[Math.min(Math.max(status / 100, 0), 5)].increment();
        double seconds = latencyNanos / NANOS_PER_SECOND;
        int bucket = 0;
        while (bucket < LATENCY_BUCKETS_SECONDS.length && seconds > LATENCY_BUCKETS_SECONDS[bucket]) {
            bucket++;
        }
        counters.latencyBuckets[bucket].increment();
        counters.latencyNanosSum.add(latencyNanos);
    }

    void rateLimited(String limit) {
        rateLimited.computeIfAbsent(limit, l -> new LongAdder()).increment();
    }

    void upstreamFailure(String server) {
        upstreamFailures.computeIfAbsent(server, s -> new LongAdder()).increment();
    }

    void ejection(String server) {
        ejections.computeIfAbsent(server, s -> new LongAdder()).increment();
    }

    /** Requests answered on {@code route} with a status of class {@code statusClass} (2 for 2xx). */
    public long requests(String route, int statusClass) {
        RouteCounters counters = routes.get(route);
        return counters == null ? 0 : counters.byStatusClass[statusClass].sum();
    }

    /** Requests refused by the rate limit named {@code limit}. */
    public long rateLimitedCount(String limit) {
        LongAdder adder = rateLimited.get(limit);
        return adder == null ? 0 : adder.sum();
    }

    /** The Prometheus text exposition of every counter. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        type(out, "sdlab_gateway_requests_total", "counter");
        routes.forEach((route, counters) -> {
            for (int c = 1; c <= 5; c++) {
                series(out, "sdlab_gateway_requests_total", "route", route, "code", c + "xx")
                        .append(counters.byStatusClass[c].sum())
                        .append('\n');
            }
        });
        type(out, "sdlab_gateway_request_duration_seconds", "histogram");
        routes.forEach((route, counters) -> histogram(out, route, counters));
        counter(out, "sdlab_gateway_rate_limited_total", "limit", rateLimited);
        counter(out, "sdlab_gateway_upstream_failures_total", "server", upstreamFailures);
        counter(out, "sdlab_gateway_ejections_total", "server", ejections);
        single(out, "sdlab_gateway_connections_open", "gauge", connectionsOpen.get());
        single(out, "sdlab_gateway_requests_in_flight", "gauge", requestsInFlight.get());
        single(out, "sdlab_gateway_connections_accepted_total", "counter", connectionsAccepted.sum());
        single(out, "sdlab_gateway_tls_handshakes_total", "counter", tlsHandshakes.sum());
        single(out, "sdlab_gateway_upstream_connects_total", "counter", upstreamConnects.sum());
        single(out, "sdlab_gateway_header_timeouts_total", "counter", headerTimeouts.sum());
        return out.toString();
    }

    private static void histogram(StringBuilder out, String route, RouteCounters counters) {
        String name = "sdlab_gateway_request_duration_seconds";
        long cumulative = 0;
        for (int b = 0; b <= LATENCY_BUCKETS_SECONDS.length; b++) {
            cumulative += counters.latencyBuckets[b].sum();
            String le = b < LATENCY_BUCKETS_SECONDS.length ? BUCKET_LABELS[b] : "+Inf";
            series(out, name + "_bucket", "route", route, "le", le)
                    .append(cumulative)
                    .append('\n');
        }
        series(out, name + "_sum", "route", route)
                .append(counters.latencyNanosSum.sum() / NANOS_PER_SECOND)
                .append('\n');
        series(out, name + "_count", "route", route).append(cumulative).append('\n');
    }

    private static void counter(StringBuilder out, String name, String label, Map<String, LongAdder> values) {
        type(out, name, "counter");
        values.forEach((key, adder) ->
                series(out, name, label, key).append(adder.sum()).append('\n'));
    }

    private static void single(StringBuilder out, String name, String type, long value) {
        type(out, name, type);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void type(StringBuilder out, String name, String type) {
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /**
     * Appends {@code name{label="value",...} } for label/value pairs, ready for the sample's
     * value. Label values come from the configuration (route, limit and server names), so they
     * are escaped as the format requires: backslash, double quote and line feed.
     */
    private static StringBuilder series(StringBuilder out, String name, String... labelsAndValues) {
        out.append(name).append('{');
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",").append(labelsAndValues[i]).append("=\"");
            appendEscaped(out, labelsAndValues[i + 1]);
            out.append('"');
        }
        return out.append("} ");
    }

    private static void appendEscaped(StringBuilder out, String labelValue) {
        for (int i = 0; i < labelValue.length(); i++) {
            char c = labelValue.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
