package sdlab.chapters.traffic.canary;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** Chapter 4's parameters: the users and their sessions, the fleet, the release's timeline and its delays. */
final class CanaryParams {
    private CanaryParams() {}

    static final Param<Integer> USERS = Param.integer("users", "users of the site", 50, 2, 5_000);
    static final Param<Integer> CHOSEN =
            Param.integer("chosen", "users chosen for the canary (the app marks their requests)", 10, 1, 5_000);
    static final Param<Integer> PODS = Param.integer("pods", "pods (or nodes) serving the site", 10, 2, 1_000);
    static final Param<Integer> CANARY_PODS =
            Param.integer("canary-pods", "pods (or nodes) that run the canary version", 2, 1, 1_000);
    static final Param<Integer> SESSION_REQUESTS_MAX =
            Param.integer("session-requests-max", "requests in a session, drawn from 2 to this", 8, 2, 1_000);
    static final Param<Duration> THINK_TIME_MAX = Param.duration(
            "think-time-max",
            "pause between a session's requests, drawn from 100ms to this",
            Duration.ofMillis(800),
            Duration.ofMillis(100),
            Duration.ofMinutes(10));
    static final Param<Duration> SESSION_GAP = Param.duration(
            "session-gap",
            "mean pause between a user's sessions (exponential)",
            Duration.ofMillis(1500),
            Duration.ofMillis(1),
            Duration.ofHours(1));
    static final Param<Duration> DURATION = Param.duration(
            "duration",
            "users start sessions for this long",
            Duration.ofSeconds(15),
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    static final Param<Duration> CANARY_AT = Param.duration(
            "canary-at", "when the release starts", Duration.ofSeconds(3), Duration.ZERO, Duration.ofHours(1));
    static final Param<Duration> ROLLBACK_AT = Param.duration(
            "rollback-at",
            "when the canary is rolled back",
            Duration.ofSeconds(11),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> SETTLE = Param.duration(
            "settle",
            "sessions starting this soon after the release starts are not judged (the change is still spreading)",
            Duration.ofSeconds(1),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> DNS_TTL = Param.duration(
            "dns-ttl",
            "how long clients cache a DNS answer",
            Duration.ofSeconds(5),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> CONFIG_DELAY = Param.duration(
            "config-delay",
            "longest time an ingress or endpoint change takes to apply (drawn per change)",
            Duration.ofMillis(500),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> ROLLOUT_STEP = Param.duration(
            "rollout-step",
            "time between two nodes of a DaemonSet-style rollout",
            Duration.ofSeconds(1),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Boolean> PIN_SESSIONS = Param.flag(
            "pin-sessions",
            "the ingress pins each session to the version of its first request (a session cookie); "
                    + "false lets the canary header decide every request",
            true);
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way network latency",
            Duration.ofMillis(2),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            USERS,
            CHOSEN,
            PODS,
            CANARY_PODS,
            SESSION_REQUESTS_MAX,
            THINK_TIME_MAX,
            SESSION_GAP,
            DURATION,
            CANARY_AT,
            ROLLBACK_AT,
            SETTLE,
            DNS_TTL,
            CONFIG_DELAY,
            ROLLOUT_STEP,
            PIN_SESSIONS,
            LATENCY);
}
