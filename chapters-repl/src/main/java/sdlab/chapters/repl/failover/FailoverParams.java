package sdlab.chapters.repl.failover;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** Chapter 12's parameters: the load, the manager's thresholds, the lease, and the faults' lengths. */
final class FailoverParams {
    private FailoverParams() {}

    static final Param<Integer> WRITERS =
            Param.integer("writers", "clients writing in a closed loop; half sit beside the primary", 4, 2, 64);
    static final Param<Duration> THINK = Param.duration(
            "think",
            "mean pause between one client's writes (exponential)",
            Duration.ofMillis(2),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Duration> CHECK_INTERVAL = Param.duration(
            "check-interval",
            "how often the failover manager probes the primary; a probe's answer must come before the next",
            Duration.ofMillis(100),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Integer> FAILURES =
            Param.integer("failures", "failed probes in a row before the manager fails over", 3, 1, 100);
    static final Param<Duration> LEASE_TTL = Param.duration(
            "lease-ttl",
            "how long a primary's lease lasts from its request; it renews every third of that",
            Duration.ofMillis(300),
            Duration.ofMillis(3),
            Duration.ofMinutes(10));
    static final Param<Integer> DRIFT_PPM = Param.integer(
            "drift-ppm",
            "the clock drift bound the lease allows for, in ppm; each clock drifts by up to half of it",
            1_000,
            0,
            50_000);
    static final Param<Duration> FAULT_SHORTEST = Param.duration(
            "fault-shortest",
            "the shortest long fault (pause, stuck or slow disk, cut, crash)",
            Duration.ofMillis(1000),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));
    static final Param<Duration> FAULT_LONGEST = Param.duration(
            "fault-longest",
            "the longest such fault",
            Duration.ofMillis(2500),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));

    static final List<Param<?>> ALL =
            List.of(WRITERS, THINK, CHECK_INTERVAL, FAILURES, LEASE_TTL, DRIFT_PPM, FAULT_SHORTEST, FAULT_LONGEST);
}
