package sdlab.chapters.traffic.lbfeatures;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** Chapter 9's parameters: browsers and their pages, the backends, the deploy and how the balancer spreads load. */
final class LbParams {
    private LbParams() {}

    /** What the balancer assigns to a backend. */
    enum Balance {
        /** Each request on its own, as an HTTP (layer 7) proxy does. */
        PER_REQUEST,
        /** Each client connection, for its whole life, as a TCP (layer 4) balancer does. */
        PER_CONNECTION
    }

    static final Param<Integer> CLIENTS = Param.integer("clients", "browsers using the site", 12, 1, 1_000);
    static final Param<Integer> HEAVY_CLIENTS =
            Param.integer("heavy-clients", "browsers that load pages four times as often", 2, 0, 1_000);
    static final Param<Integer> BACKENDS = Param.integer("backends", "backend servers", 4, 2, 100);
    static final Param<Integer> PAGE_REQUESTS =
            Param.integer("page-requests", "requests a page makes at once", 8, 1, 100);
    static final Param<Integer> CONNECTIONS_MAX =
            Param.integer("connections-max", "HTTP/1.1 connections a browser opens to one site, at most", 6, 1, 100);
    static final Param<Duration> THINK_TIME = Param.duration(
            "think-time",
            "mean pause between a browser's pages (exponential)",
            Duration.ofSeconds(1),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));
    static final Param<Duration> SERVICE_TIME = Param.duration(
            "service-time",
            "median time a backend takes for a request (log-normal)",
            Duration.ofMillis(50),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(10));
    static final Param<Duration> DURATION = Param.duration(
            "duration",
            "browsers load pages for this long",
            Duration.ofSeconds(20),
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    static final Param<Duration> DEPLOY_AT = Param.duration(
            "deploy-at", "when the rolling deploy starts", Duration.ofSeconds(6), Duration.ZERO, Duration.ofHours(1));
    static final Param<Duration> RESTART_TIME = Param.duration(
            "restart-time",
            "how long a backend is down while it restarts with the new version",
            Duration.ofSeconds(2),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> DRAIN_TIMEOUT = Param.duration(
            "drain-timeout",
            "longest a draining backend is waited for",
            Duration.ofSeconds(10),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Balance> BALANCE =
            Param.choice("balance", "what the balancer assigns to a backend", Balance.class, Balance.PER_REQUEST);
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way network latency",
            Duration.ofMillis(5),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            CLIENTS,
            HEAVY_CLIENTS,
            BACKENDS,
            PAGE_REQUESTS,
            CONNECTIONS_MAX,
            THINK_TIME,
            SERVICE_TIME,
            DURATION,
            DEPLOY_AT,
            RESTART_TIME,
            DRAIN_TIMEOUT,
            BALANCE,
            LATENCY);
}
