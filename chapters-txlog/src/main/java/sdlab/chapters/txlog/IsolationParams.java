package sdlab.chapters.txlog;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 6, with defaults sized so that one seed of both variants takes a few milliseconds. */
final class IsolationParams {
    private IsolationParams() {}

    static final Param<Integer> PRODUCERS =
            Param.integer("producers", "transactional producers, each with its own transactional id", 4, 1, 32);
    static final Param<Integer> TRANSACTIONS = Param.integer(
            "transactions", "business transactions each producer commits (retries not counted)", 25, 1, 1000);
    static final Param<Integer> PAYMENTS =
            Param.integer("payments", "payments per transaction, spread over the partitions", 3, 1, 100);
    static final Param<Integer> PARTITIONS = Param.integer("partitions", "partitions of the payments topic", 2, 1, 16);
    static final Param<Double> ABORT =
            Param.decimal("abort", "share of attempts the producer aborts itself (and retries)", 0.10, 0, 1);
    static final Param<Double> CRASH = Param.decimal(
            "crash", "share of attempts during which the producer crashes (a new instance retries)", 0.05, 0, 1);
    static final Param<Double> HANG = Param.decimal(
            "hang", "share of attempts during which the producer stalls past its transaction timeout", 0.05, 0, 1);
    static final Param<Duration> THINK = Param.duration(
            "think",
            "pause before each payment a producer writes",
            Duration.ofMillis(2),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Duration> TXN_TIMEOUT = Param.duration(
            "txn-timeout",
            "transaction.timeout.ms (Kafka's default is 60 s; shorter here so that a run shows it)",
            Duration.ofMillis(100),
            Duration.ofMillis(1),
            Duration.ofMinutes(15));
    static final Param<Duration> RESTART = Param.duration(
            "restart",
            "how long a crashed producer takes to start again",
            Duration.ofMillis(30),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> FSYNC = Param.duration(
            "fsync",
            "median sync of the coordinator's state log (log-normal, sigma 0.3)",
            Duration.ofMillis(1),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> POLL = Param.duration(
            "poll",
            "how often the job polls each partition",
            Duration.ofMillis(5),
            Duration.ofMillis(1),
            Duration.ofSeconds(10));
    static final Param<Duration> REPLAY_AT = Param.duration(
            "replay-at",
            "when the job throws its output away and replays every partition from offset 0",
            Duration.ofMillis(300),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> RUN = Param.duration(
            "run", "how long a run lasts", Duration.ofMillis(1000), Duration.ofMillis(10), Duration.ofHours(1));

    static final List<Param<?>> ALL = List.of(
            PRODUCERS,
            TRANSACTIONS,
            PAYMENTS,
            PARTITIONS,
            ABORT,
            CRASH,
            HANG,
            THINK,
            TXN_TIMEOUT,
            RESTART,
            ONE_WAY,
            FSYNC,
            POLL,
            REPLAY_AT,
            RUN);
}
