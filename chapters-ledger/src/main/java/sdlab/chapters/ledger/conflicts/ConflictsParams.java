package sdlab.chapters.ledger.conflicts;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 18, with defaults sized for many seeds per second. */
final class ConflictsParams {
    private ConflictsParams() {}

    static final Param<Integer> REPLICAS =
            Param.integer("replicas", "replicas, each taking writes and replicating them asynchronously", 3, 2, 7);
    static final Param<Integer> USERS = Param.integer("users", "users, each with one profile", 2, 1, 50);
    static final Param<Integer> DEVICES =
            Param.integer("devices", "devices per user, editing the user's profile concurrently", 3, 1, 10);
    static final Param<Integer> OPS_PER_DEVICE =
            Param.integer("ops-per-device", "edits and views each device makes, one at a time", 20, 1, 10_000);
    static final Param<Integer> VIEW_PERCENT =
            Param.integer("view-percent", "share of a device's operations that only view the profile", 20, 0, 100);
    static final Param<Integer> REMOVE_PERCENT = Param.integer(
            "remove-percent",
            "share of a device's operations that remove an interest the user added earlier (if the device shows it)",
            10,
            0,
            100);
    static final Param<Duration> CLOCK_SKEW_MAX = Param.duration(
            "clock-skew-max",
            "each replica's clock is off by up to this much, either way (zero: exact clocks)",
            Duration.ofMillis(100),
            Duration.ZERO,
            Duration.ofSeconds(60));
    static final Param<Integer> PARTITIONS = Param.integer(
            "partitions",
            "partitions per run: a replica cut from the other replicas, or from everyone (it looks down)",
            2,
            0,
            10);
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way network latency (log-normal)",
            Duration.ofMillis(2),
            Duration.ofMillis(1),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            REPLICAS,
            USERS,
            DEVICES,
            OPS_PER_DEVICE,
            VIEW_PERCENT,
            REMOVE_PERCENT,
            CLOCK_SKEW_MAX,
            PARTITIONS,
            LATENCY);
}
