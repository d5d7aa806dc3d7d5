package sdlab.app.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that configure a mechanism, shared by {@code cluster start} and {@code cluster test}. */
final class MechanismOptions {
    @Option(
            names = "--variant",
            paramLabel = "NAME",
            description = "a variant of the mechanism's chapter, e.g. n3r2w2-writeback or n3r1w1 (default: n3r2w2)")
    String variant;

    @Option(names = "--n", description = "quorum: replicas per key (changes the variant's N)")
    Integer n;

    @Option(names = "--r", description = "quorum: replies a read waits for")
    Integer r;

    @Option(names = "--w", description = "quorum: acknowledgements a write waits for")
    Integer w;

    @Option(
            names = {"--client-port", "--resp-port"},
            paramLabel = "PORT",
            description = "coord: node i serves ZooKeeper clients on PORT + i (default: 2181); repl: node i serves RESP"
                    + " on PORT + i (default: 6380); shards: node i's routers serve RESP on PORT + i (default: 6400);"
                    + " log: broker i serves Kafka clients on PORT + i (default: 9092)")
    Integer clientPort;

    @Option(
            names = "--tick-ms",
            paramLabel = "MS",
            description = "coord: ZooKeeper's tick; session timeouts are clamped to 2..20 ticks (default: 2000)")
    Integer tickMs;

    @Option(
            names = "--replicas",
            paramLabel = "N",
            description = "repl: replicas beside the primary (default: 2); sets the node count")
    Integer replicas;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "repl: when a commit is acknowledged: async, semi-sync or sync (default: async)")
    String mode;

    @Option(
            names = "--wait-point",
            paramLabel = "POINT",
            description = "repl semi-sync: after-sync (lossless, MySQL's default) or after-commit (MariaDB's)")
    String waitPoint;

    @Option(
            names = "--sync-level",
            paramLabel = "LEVEL",
            description = "repl sync: remote-write, on or remote-apply, as PostgreSQL's synchronous_commit")
    String syncLevel;

    @Option(
            names = "--acks",
            paramLabel = "N",
            description = "repl semi-sync and sync: replicas that must acknowledge a commit (default: 1)")
    Integer acks;

    @Option(
            names = "--semi-sync-timeout-ms",
            paramLabel = "MS",
            description =
                    "repl semi-sync: wait this long for acknowledgements, then fall back to async (default: 10000)")
    Integer semiSyncTimeoutMs;

    @Option(
            names = "--failover",
            paramLabel = "KIND",
            description =
                    "repl: lease (a lease service and a failover manager run beside the store), lease-fenced"
                            + " (the replicas also check the lease's fencing token; needs --mode sync) or none (default: lease)")
    String failover;

    @Option(
            names = "--health",
            paramLabel = "CHECK",
            description = "repl: how the failover manager checks the primary: lease (ask the lease service), port"
                    + " (connect to its RESP port) or query (write a heartbeat key through it) (default: lease)")
    String health;

    @Option(
            names = "--shards",
            paramLabel = "N",
            description =
                    "shards: shards in the first routing table (default: 3); with the spares, sets the node count")
    Integer shards;

    @Option(
            names = "--spares",
            paramLabel = "N",
            description = "shards: spare shard processes outside the table, for 'cluster shards add' (default: 1)")
    Integer spares;

    @Option(
            names = "--partitioner",
            paramLabel = "KIND",
            description =
                    "shards: hash (modulo N), consistent (a ring, --tokens per shard) or range (default: consistent)")
    String partitioner;

    @Option(
            names = "--tokens",
            paramLabel = "N",
            description = "shards, consistent: tokens (virtual nodes) per shard on the ring (default: 256)")
    Integer tokens;

    @Option(
            names = "--topic",
            paramLabel = "NAME",
            split = ",",
            description = "log: topics to create at start (default: test); repeat or separate with commas")
    java.util.List<String> topics;

    @Option(names = "--partitions", paramLabel = "N", description = "log: partitions of each topic (default: 3)")
    Integer partitions;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            description = "log: brokers that hold each partition (default: the brokers, at most 3)")
    Integer replicationFactor;

    @Option(
            names = "--min-insync",
            paramLabel = "N",
            description = "log: fewest in-sync replicas an acks=all produce is taken with (default: 2, at most the"
                    + " replication factor)")
    Integer minInsync;

    @Option(
            names = "--leader-imbalance-check-ms",
            paramLabel = "MS",
            description = "log: how often the controller moves each partition's leadership back to its preferred"
                    + " replica once that one is in sync again; 0 never (default: 10000; Kafka's is 300 s)")
    Integer leaderImbalanceCheckMs;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "causal: causal (each client on its own replica; the default) or session-token (each"
                    + " operation on any replica, picked by the run's seed, which serves it once the client's version"
                    + " token is applied there), as cluster ledger --level")
    String level;

    @Option(
            names = "--planted-bug",
            hidden = true,
            paramLabel = "BUG",
            description = "a planted bug for tests; repl: ack-before-commit (SET answers before the commit),"
                    + " serves-before-snapshot (a replica added later serves reads while it loads); shards:"
                    + " keep-stale-table (routers take a refusing shard's epoch but keep their old table); log:"
                    + " metadata-wrong-leader (Metadata names a follower as each partition's leader),"
                    + " high-watermark-from-leader-alone (acks=all is answered before any follower has the record) or"
                    + " txn-markers-only-on-own-broker (a transaction coordinator writes markers only where its broker"
                    + " leads);"
                    + " causal: shows-write-before-dependency (a replica shows a replicated write without checking"
                    + " its dependencies) or token-ignored (a replica serves a request without waiting for its"
                    + " token)")
    String plantedBug;

    /** The options given, by the names the layout file and the mechanism use. */
    Map<String, String> asMap() {
        Map<String, String> options = new LinkedHashMap<>();
        if (variant != null) {
            options.put("variant", variant);
        }
        if (n != null) {
            options.put("n", n.toString());
        }
        if (r != null) {
            options.put("r", r.toString());
        }
        if (w != null) {
            options.put("w", w.toString());
        }
        if (clientPort != null) {
            options.put("client-port", clientPort.toString());
        }
        if (tickMs != null) {
            options.put("tick-ms", tickMs.toString());
        }
        putIfGiven(options, "replicas", replicas);
        putIfGiven(options, "mode", mode);
        putIfGiven(options, "wait-point", waitPoint);
        putIfGiven(options, "sync-level", syncLevel);
        putIfGiven(options, "acks", acks);
        putIfGiven(options, "semi-sync-timeout-ms", semiSyncTimeoutMs);
        putIfGiven(options, "failover", failover);
        putIfGiven(options, "health", health);
        putIfGiven(options, "shards", shards);
        putIfGiven(options, "spares", spares);
        putIfGiven(options, "partitioner", partitioner);
        putIfGiven(options, "tokens", tokens);
        if (topics != null && !topics.isEmpty()) {
            options.put("topic", String.join(",", topics));
        }
        putIfGiven(options, "partitions", partitions);
        putIfGiven(options, "replication-factor", replicationFactor);
        putIfGiven(options, "min-insync", minInsync);
        putIfGiven(options, "leader-imbalance-check-ms", leaderImbalanceCheckMs);
        putIfGiven(options, "level", level);
        putIfGiven(options, "planted-bug", plantedBug);
        return options;
    }

    private static void putIfGiven(Map<String, String> options, String name, Object value) {
        if (value != null) {
            options.put(name, value.toString());
        }
    }
}
