package sdlab.chapters.repl;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 19, with defaults sized so that one seed of every variant takes tens of milliseconds. */
final class SemiSyncParams {
    private SemiSyncParams() {}

    static final Param<Integer> WRITERS =
            Param.integer("writers", "client processes writing to the primary, one write at a time", 4, 1, 64);
    static final Param<Integer> READERS = Param.integer(
            "readers", "client processes reading from the primary (they are what sees a lost write)", 2, 0, 64);
    static final Param<Integer> KEYS = Param.integer("keys", "keys written and read", 4, 1, 10_000);
    static final Param<Duration> THINK = Param.duration(
            "think",
            "mean pause between one client's operations (exponential)",
            Duration.ofMillis(2),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency between any two machines (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> FSYNC = Param.duration(
            "fsync",
            "median time of one log sync on any machine (log-normal, sigma 0.3)",
            Duration.ofMillis(2),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> APPLY = Param.duration(
            "apply",
            "how long a replica's applier takes per entry",
            Duration.ofNanos(500_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Integer> ACKS = Param.integer(
            "acks", "replica acknowledgements a commit waits for (semi-sync and sync modes), of 2 replicas", 1, 1, 2);
    static final Param<Duration> TIMEOUT = Param.duration(
            "timeout",
            "semi-sync's rpl_semi_sync_master_timeout (MySQL's default is 10 s; shorter here so that a run shows it)",
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));
    static final Param<Duration> CRASH_EARLIEST = Param.duration(
            "crash-earliest",
            "the primary crashes for good at a moment drawn between this and --crash-latest",
            Duration.ofMillis(1000),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Duration> CRASH_LATEST = Param.duration(
            "crash-latest",
            "the latest moment of the primary's crash",
            Duration.ofMillis(1500),
            Duration.ofMillis(100),
            Duration.ofHours(1));
    static final Param<Double> POWER_LOSS = Param.decimal(
            "power-loss",
            "share of seeds where the replicas lose power with the primary (back after 200 ms, unsynced data gone)",
            0.5,
            0,
            1);
    static final Param<Double> CUT = Param.decimal(
            "cut",
            "share of seeds where the primary is cut off from both replicas for --cut-length around the crash",
            0.5,
            0,
            1);
    static final Param<Duration> CUT_LENGTH = Param.duration(
            "cut-length",
            "how long such a cut lasts; it starts up to 1.5 lengths before the crash, so some heal before it",
            Duration.ofMillis(400),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));

    static final List<Param<?>> ALL = List.of(
            WRITERS,
            READERS,
            KEYS,
            THINK,
            ONE_WAY,
            FSYNC,
            APPLY,
            ACKS,
            TIMEOUT,
            CRASH_EARLIEST,
            CRASH_LATEST,
            POWER_LOSS,
            CUT,
            CUT_LENGTH);
}
