package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 3, with defaults sized so that one seed of every pattern takes a fraction of a second. */
final class RedundancyParams {
    private RedundancyParams() {}

    static final Param<Integer> WRITERS =
            Param.integer("writers", "client processes writing, one write at a time", 4, 1, 64);
    static final Param<Integer> READERS = Param.integer("readers", "client processes reading", 2, 0, 64);
    static final Param<Integer> KEYS = Param.integer("keys", "keys written and read, chosen uniformly", 8, 1, 10_000);
    static final Param<Integer> VALUE_BYTES = Param.integer(
            "value-bytes",
            "bytes of each written value (a small row); the rest of a message is its protocol's",
            100,
            8,
            100_000);
    static final Param<Duration> THINK = Param.duration(
            "think",
            "mean pause between one client's operations (exponential)",
            Duration.ofMillis(2),
            Duration.ZERO,
            Duration.ofSeconds(10));
    static final Param<Duration> ONE_WAY = Param.duration(
            "one-way",
            "median one-way network latency (log-normal, sigma 0.5)",
            Duration.ofNanos(250_000),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> FSYNC = Param.duration(
            "fsync",
            "median log sync (log-normal, sigma 0.3)",
            Duration.ofMillis(1),
            Duration.ofNanos(10_000),
            Duration.ofSeconds(1));
    static final Param<Duration> APPLY = Param.duration(
            "apply",
            "how long applying one log entry takes: a replica's applier, a restore's replay",
            Duration.ofNanos(100_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Integer> READ_REPLICAS =
            Param.integer("read-replicas", "read-replicas: how many replicas serve the reads", 2, 1, 8);
    static final Param<Duration> CLIENT_TIMEOUT = Param.duration(
            "client-timeout",
            "how long a client waits for an answer; active-active clients then turn to the other primary",
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Duration> FAILBACK = Param.duration(
            "failback",
            "active-active and read-replicas clients: how long after turning away from their first node they try it"
                    + " again (0ms: never)",
            Duration.ofMillis(250),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> CHECK_INTERVAL = Param.duration(
            "check-interval",
            "primary/standby and cold standby: how often the failover manager writes a heartbeat through the primary",
            Duration.ofMillis(50),
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    static final Param<Integer> FAILURES =
            Param.integer("failures", "failed heartbeats in a row before the manager promotes the standby", 3, 1, 100);
    static final Param<Duration> SEMI_SYNC_TIMEOUT = Param.duration(
            "semi-sync-timeout",
            "primary/standby: how long a commit waits for the standby before semi-sync falls back to async"
                    + " (MySQL's default is 10 s)",
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));
    static final Param<Duration> ARCHIVE_EVERY = Param.duration(
            "archive-every",
            "cold standby: how often the primary ships its new log to the archive (archive_timeout)",
            Duration.ofMillis(100),
            Duration.ofMillis(1),
            Duration.ofMinutes(10));
    static final Param<Duration> BASE_BACKUP_EVERY = Param.duration(
            "base-backup-every",
            "cold standby: how often the archive takes a base backup; a restore replays the log since the latest",
            Duration.ofSeconds(1),
            Duration.ofMillis(10),
            Duration.ofHours(24));
    static final Param<Duration> BOOT = Param.duration(
            "boot",
            "cold standby: how long the stopped standby takes to start before it can restore (a cost input)",
            Duration.ofMillis(300),
            Duration.ZERO,
            Duration.ofMinutes(10));
    static final Param<Duration> MAINTENANCE_AT = Param.duration(
            "maintenance-at",
            "when the rolling maintenance starts (write traffic is measured in the steady state before it)",
            Duration.ofMillis(1200),
            Duration.ofMillis(300),
            Duration.ofHours(1));
    static final Param<Duration> DOWN = Param.duration(
            "down",
            "how long each node is stopped for its maintenance",
            Duration.ofSeconds(1),
            Duration.ofMillis(1),
            Duration.ofHours(1));
    static final Param<Duration> BETWEEN = Param.duration(
            "between",
            "from one node's restart to the next node's stop",
            Duration.ofMillis(500),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> AFTER = Param.duration(
            "after",
            "how long the run goes on after the last node's restart",
            Duration.ofSeconds(1),
            Duration.ofMillis(600),
            Duration.ofHours(1));

    static final List<Param<?>> ALL = List.of(
            WRITERS,
            READERS,
            KEYS,
            VALUE_BYTES,
            THINK,
            ONE_WAY,
            FSYNC,
            APPLY,
            READ_REPLICAS,
            CLIENT_TIMEOUT,
            FAILBACK,
            CHECK_INTERVAL,
            FAILURES,
            SEMI_SYNC_TIMEOUT,
            ARCHIVE_EVERY,
            BASE_BACKUP_EVERY,
            BOOT,
            MAINTENANCE_AT,
            DOWN,
            BETWEEN,
            AFTER);
}
