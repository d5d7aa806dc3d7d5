package sdlab.chapters.txlog.saga;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 21, with defaults sized so that one seed of every variant takes a few milliseconds. */
final class SagaParams {
    private SagaParams() {}

    static final Param<Integer> SAGAS = Param.integer("sagas", "orders the client places, one saga each", 60, 1, 5000);
    static final Param<Duration> INTERVAL = Param.duration(
            "interval", "time between two orders", Duration.ofMillis(4), Duration.ZERO, Duration.ofSeconds(10));
    static final Param<Integer> LOAD_FACTOR =
            Param.integer("load-factor", "how many times faster the load-spike variant places its orders", 10, 1, 1000);
    static final Param<Double> REJECT = Param.decimal(
            "reject",
            "share of orders a downstream service rejects (half over the payment limit, half over the stock limit)",
            0.3,
            0,
            1);
    static final Param<Double> LOSS = Param.decimal("loss", "share of messages the network drops", 0.02, 0, 0.5);
    static final Param<Double> DUPLICATE =
            Param.decimal("duplicate", "share of messages the network delivers twice", 0.02, 0, 0.5);
    static final Param<Duration> STEP_TIMEOUT = Param.duration(
            "step-timeout",
            "how long the orchestrator waits for a step's answer before it resends",
            Duration.ofMillis(25),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Integer> ATTEMPTS = Param.integer(
            "attempts", "sends of a step before the orchestrator gives it up as failed and compensates", 8, 1, 1000);
    static final Param<Duration> CRASH_AT = Param.duration(
            "crash-at",
            "when the orchestrator crashes (variants with a crash)",
            Duration.ofMillis(120),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> DOWN_FOR = Param.duration(
            "down-for",
            "how long the orchestrator stays down",
            Duration.ofMillis(60),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> PAUSE = Param.duration(
            "pause",
            "length of each GC pause of a service (twice per service, staggered)",
            Duration.ofMillis(60),
            Duration.ZERO,
            Duration.ofMinutes(1));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> FSYNC = Param.duration(
            "fsync",
            "median sync of the orchestrator's saga log (log-normal, sigma 0.3)",
            Duration.ofMillis(1),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> READ_EVERY = Param.duration(
            "read-every",
            "how often a reader reads every service's store",
            Duration.ofMillis(1),
            Duration.ofNanos(100_000),
            Duration.ofSeconds(10));
    static final Param<Duration> RUN = Param.duration(
            "run", "how long a run lasts", Duration.ofMillis(1500), Duration.ofMillis(10), Duration.ofHours(1));

    static final List<Param<?>> ALL = List.of(
            SAGAS,
            INTERVAL,
            LOAD_FACTOR,
            REJECT,
            LOSS,
            DUPLICATE,
            STEP_TIMEOUT,
            ATTEMPTS,
            CRASH_AT,
            DOWN_FOR,
            PAUSE,
            ONE_WAY,
            FSYNC,
            READ_EVERY,
            RUN);
}
