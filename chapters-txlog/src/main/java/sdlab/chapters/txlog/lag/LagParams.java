package sdlab.chapters.txlog.lag;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 22, with defaults sized so that one seed of every variant takes well under a second. */
final class LagParams {
    private LagParams() {}

    static final Param<Integer> CLIENTS =
            Param.integer("clients", "clients, each sending one record every interval (open loop)", 20, 1, 500);
    static final Param<Duration> INTERVAL = Param.duration(
            "interval",
            "how often each client sends a record",
            Duration.ofMillis(500),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Integer> PARTITIONS = Param.integer("partitions", "partitions of the topic", 4, 1, 64);
    static final Param<Integer> CONSUMERS = Param.integer(
            "consumers", "members of the consumer group; partition p goes to member p mod consumers", 2, 1, 64);
    static final Param<Duration> SERVICE = Param.duration(
            "service",
            "mean time a consumer spends on one record (uniform between half and one and a half times it)",
            Duration.ofMillis(10),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Double> SLOWDOWN =
            Param.decimal("slowdown", "slow-consumers: the factor on service time during the window", 6, 1, 1000);
    static final Param<Double> POISON_SHARE =
            Param.decimal("poison-share", "poison: share of records sent during the window that are poison", 0.1, 0, 1);
    static final Param<Integer> ATTEMPTS = Param.integer(
            "attempts", "attempts at a failing record before it goes to the dead-letter topic", 3, 1, 100);
    static final Param<Duration> BACKOFF = Param.duration(
            "backoff",
            "wait before retrying a failed record (its partition waits too: records are handled in order)",
            Duration.ofMillis(100),
            Duration.ZERO,
            Duration.ofMinutes(1));
    static final Param<Duration> TTL = Param.duration(
            "ttl",
            "message TTL: a record older than this when its turn comes is dropped and counted as a TTL violation",
            Duration.ofSeconds(5),
            Duration.ofMillis(1),
            Duration.ofHours(1));
    static final Param<Duration> POLL = Param.duration(
            "poll",
            "how often an idle consumer polls its partitions",
            Duration.ofMillis(20),
            Duration.ofMillis(1),
            Duration.ofSeconds(10));
    static final Param<Duration> DISTURB_AT = Param.duration(
            "disturb-at", "when the disturbance starts", Duration.ofSeconds(12), Duration.ZERO, Duration.ofHours(1));
    static final Param<Duration> DISTURB_FOR = Param.duration(
            "disturb-for",
            "how long the disturbance lasts",
            Duration.ofMillis(1500),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> WINDOW = Param.duration(
            "window",
            "the window over which p95 latency and each metric are taken",
            Duration.ofSeconds(1),
            Duration.ofMillis(10),
            Duration.ofMinutes(10));
    static final Param<Duration> SAMPLE = Param.duration(
            "sample",
            "how often the monitor reads offsets from the broker",
            Duration.ofMillis(100),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Duration> PRODUCE_COST = Param.duration(
            "produce-cost",
            "broker CPU per appended record (a cost input: broker idle is derived from it)",
            Duration.ofNanos(200_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> REQUEST_COST = Param.duration(
            "request-cost",
            "broker CPU per fetch, commit or offsets request (a cost input)",
            Duration.ofNanos(100_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> RUN = Param.duration(
            "run",
            "how long clients send; consumers get two more windows to drain",
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Duration.ofHours(1));

    static final List<Param<?>> ALL = List.of(
            CLIENTS,
            INTERVAL,
            PARTITIONS,
            CONSUMERS,
            SERVICE,
            SLOWDOWN,
            POISON_SHARE,
            ATTEMPTS,
            BACKOFF,
            TTL,
            POLL,
            DISTURB_AT,
            DISTURB_FOR,
            WINDOW,
            SAMPLE,
            PRODUCE_COST,
            REQUEST_COST,
            ONE_WAY,
            RUN);
}
