package sdlab.chapters.cron;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 14, with defaults sized so that one seed of every variant takes tens of milliseconds. */
final class CronParams {
    private CronParams() {}

    static final Param<Integer> SLOTS =
            Param.integer("slots", "scheduled runs in one seed's run (one per period)", 30, 8, 10_000);
    static final Param<Duration> PERIOD = Param.duration(
            "period",
            "the schedule: one run per period",
            Duration.ofSeconds(1),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> WORK = Param.duration(
            "work",
            "how long the job computes between the lease check and its write",
            Duration.ofMillis(200),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> LEASE = Param.duration(
            "lease",
            "how long the leader's lease lasts after each renewal (renewed every fifth of it)",
            Duration.ofMillis(1500),
            Duration.ofMillis(50),
            Duration.ofHours(1));
    static final Param<Duration> LOCK_TIME = Param.duration(
            "lock-time",
            "option A: how long a lock row holds before another scheduler may take it",
            Duration.ofSeconds(1),
            Duration.ofMillis(1),
            Duration.ofHours(1));
    static final Param<Integer> RETRIES =
            Param.integer("retries", "options that retry: resends of an unanswered write, at most", 3, 0, 16);
    static final Param<Double> LOSS =
            Param.decimal("loss", "share of messages the network loses, on every link", 0.01, 0, 0.5);
    static final Param<Boolean> CRASHES =
            Param.flag("crashes", "crash the leader mid-run and restart it (a leader change)", true);
    static final Param<Boolean> PARTITIONS =
            Param.flag("partitions", "cut the leader off from the store, not from the target", true);
    static final Param<Boolean> PAUSES =
            Param.flag("pauses", "pause the leader mid-run for one to three leases (a GC pause)", true);
    static final Param<Boolean> SKEW =
            Param.flag("skew", "give schedulers' clocks offsets of up to a lease and drift of up to 2000 ppm", true);

    static final List<Param<?>> ALL =
            List.of(SLOTS, PERIOD, WORK, LEASE, LOCK_TIME, RETRIES, LOSS, CRASHES, PARTITIONS, PAUSES, SKEW);
}
