package sdlab.chapters.quorum;

import java.time.Duration;
import java.util.List;
import sdlab.kv.quorum.ReadRepair;
import sdlab.lab.Param;

/** The knobs a user can turn in chapter 10, with defaults sized for many seeds per second. */
final class QuorumParams {
    private QuorumParams() {}

    /** Which faults the random per-seed fault plan may draw. */
    enum Faults {
        NONE,
        PARTITIONS,
        CRASHES,
        MIXED
    }

    static final Param<Integer> NODES = Param.integer(
            "nodes",
            "physical nodes in the cluster (every variant uses the same nodes and faults; sloppy quorums need more than N)",
            7,
            5,
            15);
    static final Param<Integer> CLIENTS =
            Param.integer("clients", "client processes running operations concurrently", 5, 1, 64);
    static final Param<Integer> OPS_PER_CLIENT =
            Param.integer("ops-per-client", "operations each client runs, one at a time", 40, 1, 10_000);
    static final Param<Integer> KEYS = Param.integer("keys", "keys the operations spread over", 2, 1, 10_000);
    static final Param<Double> READ_SHARE =
            Param.decimal("read-share", "share of operations that are reads", 0.5, 0.0, 1.0);
    static final Param<Double> LOSS =
            Param.decimal("loss", "probability that the network drops a message", 0.02, 0.0, 0.5);
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way network latency (log-normal)",
            Duration.ofMillis(2),
            Duration.ofMillis(1),
            Duration.ofSeconds(1));
    static final Param<Faults> FAULTS = Param.choice(
            "faults", "faults drawn per seed: partitions, crashes with restarts, or both", Faults.class, Faults.MIXED);
    static final Param<Boolean> CLOCK_SKEW = Param.flag(
            "clock-skew", "also skew node clocks; last-writer-wins timestamps then order writes wrongly", false);
    static final Param<ReadRepair> READ_REPAIR = Param.choice(
            "read-repair",
            "what reads do about stale replicas in the ordinary variants (the write-back variant always blocks)",
            ReadRepair.class,
            ReadRepair.BACKGROUND);
    static final Param<Duration> REQUEST_TIMEOUT = Param.duration(
            "request-timeout",
            "how long a coordinator waits for its quorum",
            Duration.ofMillis(200),
            Duration.ofMillis(2),
            Duration.ofSeconds(60));

    static final List<Param<?>> ALL = List.of(
            NODES,
            CLIENTS,
            OPS_PER_CLIENT,
            KEYS,
            READ_SHARE,
            LOSS,
            LATENCY,
            FAULTS,
            CLOCK_SKEW,
            READ_REPAIR,
            REQUEST_TIMEOUT);
}
