package sdlab.traffic.gateway;

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
        out.append("# TYPE sdlab_gateway_requests_total counter\n");
        routes.forEach((route, counters) -> {
            for (int c = 1; c <= 5; c++) {
                line(
                        out,
                        "sdlab_gateway_requests_total{route=\"" + route + "\",code=\"" + c + "xx\"}",
                        counters.byStatusClass[c].sum());
            }
        });
        out.append("# TYPE sdlab_gateway_request_duration_seconds histogram\n");
        routes.forEach((route, counters) -> histogram(out, route, counters));
        counter(out, "sdlab_gateway_rate_limited_total", "limit", rateLimited);
        counter(out, "sdlab_gateway_upstream_failures_total", "server", upstreamFailures);
        counter(out, "sdlab_gateway_ejections_total", "server", ejections);
        gauge(out, "sdlab_gateway_connections_open", connectionsOpen.get());
        gauge(out, "sdlab_gateway_requests_in_flight", requestsInFlight.get());
        out.append("# TYPE sdlab_gateway_connections_accepted_total counter\n");
        line(out, "sdlab_gateway_connections_accepted_total", connectionsAccepted.sum());
        out.append("# TYPE sdlab_gateway_tls_handshakes_total counter\n");
        line(out, "sdlab_gateway_tls_handshakes_total", tlsHandshakes.sum());
        out.append("# TYPE sdlab_gateway_upstream_connects_total counter\n");
        line(out, "sdlab_gateway_upstream_connects_total", upstreamConnects.sum());
        out.append("# TYPE sdlab_gateway_header_timeouts_total counter\n");
        line(out, "sdlab_gateway_header_timeouts_total", headerTimeouts.sum());
        return out.toString();
    }

    private static void histogram(StringBuilder out, String route, RouteCounters counters) {
        long cumulative = 0;
        for (int b = 0; b < LATENCY_BUCKETS_SECONDS.length; b++) {
            cumulative += counters.latencyBuckets[b].sum();
            line(
                    out,
                    "sdlab_gateway_request_duration_seconds_bucket{route=\"" + route + "\",le=\""
                            + LATENCY_BUCKETS_SECONDS[b] + "\"}",
                    cumulative);
        }
        cumulative += counters.latencyBuckets[LATENCY_BUCKETS_SECONDS.length].sum();
        line(out, "sdlab_gateway_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"}", cumulative);
        out.append("sdlab_gateway_request_duration_seconds_sum{route=\"")
                .append(route)
                .append("\"} ")
                .append(counters.latencyNanosSum.sum() / NANOS_PER_SECOND)
                .append('\n');
        line(out, "sdlab_gateway_request_duration_seconds_count{route=\"" + route + "\"}", cumulative);
    }

    private static void counter(StringBuilder out, String name, String label, Map<String, LongAdder> values) {
        out.append("# TYPE ").append(name).append(" counter\n");
        values.forEach((key, adder) -> line(out, name + "{" + label + "=\"" + key + "\"}", adder.sum()));
    }

    private static void gauge(StringBuilder out, String name, long value) {
        out.append("# TYPE ").append(name).append(" gauge\n");
        line(out, name, value);
    }

    private static void line(StringBuilder out, String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
