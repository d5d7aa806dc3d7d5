package sdlab.app.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.txlog.TxLogConfig;
import sdlab.txlog.server.DoorBug;

/**
 * What {@code cluster start log} was asked for: how many brokers, the topics and their partitions, how each partition
 * is replicated, where the Kafka ports start, and a planted bug for tests.
 *
 * @param brokers broker processes (the controller runs in one more)
 * @param topics the topics created at start
 * @param partitions partitions of each topic
 * @param replicationFactor brokers that hold each partition, as Kafka's {@code replication.factor}
 * @param minInsync the fewest in-sync replicas an {@code acks=all} produce is taken with, as
 *     {@code min.insync.replicas}
 * @param clientPort broker i (from 0) serves Kafka clients on {@code clientPort + i}
 * @param leaderImbalanceCheckMs how often the controller moves leadership back to each partition's preferred replica
 *     once it is in sync, as {@code leader.imbalance.check.interval.seconds}; 0 never moves it, as
 *     {@code auto.leader.rebalance.enable=false}
 * @param doorBug the Kafka doors' planted bug, or none
 * @param nodeBug the brokers' planted bug, or none
 */
record LogClusterOptions(
        int brokers,
        List<String> topics,
        int partitions,
        int replicationFactor,
        int minInsync,
        int clientPort,
        long leaderImbalanceCheckMs,
        DoorBug doorBug,
        TxLogConfig.Bug nodeBug) {
    static final int CLIENT_PORT_DEFAULT = 9092;
    /** Kafka checks every 300 s; 10 s lets a demo see leadership come back while one watches. */
    static final long LEADER_IMBALANCE_CHECK_MS_DEFAULT = 10_000;

    private static final Set<String> KNOWN = Set.of(
            "brokers",
            "topic",
            "partitions",
            "replication-factor",
            "min-insync",
            "client-port",
            "leader-imbalance-check-ms",
            "planted-bug");

    LogClusterOptions {
        topics = List.copyOf(topics);
        if (brokers < 1 || brokers > 32) {
            throw new IllegalArgumentException("log runs 1 to 32 brokers (--nodes), got " + brokers);
        }
        for (String topic : topics) {
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException(
                        "topic '" + topic + "': use 1..249 letters, digits, '.', '_' or '-', as Kafka does");
            }
        }
        if (partitions < 1 || partitions > 1000) {
            throw new IllegalArgumentException("--partitions must be between 1 and 1000, got " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > brokers) {
            throw new IllegalArgumentException(
                    "--replication-factor must be between 1 and the " + brokers + " brokers, got " + replicationFactor);
        }
        if (minInsync < 1 || minInsync > replicationFactor) {
            throw new IllegalArgumentException("--min-insync must be between 1 and the replication factor "
                    + replicationFactor + ", got " + minInsync);
        }
        if (clientPort < 1 || clientPort + brokers - 1 > 65_535) {
            throw new IllegalArgumentException("--client-port must leave room for " + brokers + " ports below 65536");
        }
        if (leaderImbalanceCheckMs < 0 || leaderImbalanceCheckMs > 3_600_000) {
            throw new IllegalArgumentException(
                    "--leader-imbalance-check-ms must be between 0 (never move leaders back) and 3600000, got "
                            + leaderImbalanceCheckMs);
        }
    }

    /**
     * The options by the names the layout keeps; a missing one takes its default (3 brokers, topic {@code test} with
     * 3 partitions, each on every broker up to 3, min.insync 2 where there are two replicas), an unknown one is an
     * error.
     */
    static LogClusterOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("log takes --nodes, --topic, --partitions, --replication-factor,"
                        + " --min-insync, --client-port and --leader-imbalance-check-ms, not --" + name);
            }
        }
        int brokers = number(options, "brokers", 3);
        int replicationFactor = number(options, "replication-factor", Math.min(3, brokers));
        return new LogClusterOptions(
                brokers,
                List.of(options.getOrDefault("topic", "test").split(",")),
                number(options, "partitions", 3),
                replicationFactor,
                number(options, "min-insync", Math.min(2, replicationFactor)),
                number(options, "client-port", CLIENT_PORT_DEFAULT),
                number(options, "leader-imbalance-check-ms", (int) LEADER_IMBALANCE_CHECK_MS_DEFAULT),
                doorBug(options.get("planted-bug")),
                nodeBug(options.get("planted-bug")));
    }

    /** The brokers and the controller. */
    int nodeCount() {
        return brokers + 1;
    }

    Map<String, Integer> partitionsByTopic() {
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        topics.forEach(topic -> byTopic.put(topic, partitions));
        return byTopic;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, got '" + text + "'");
        }
    }

    private static final String WRONG_LEADER = "metadata-wrong-leader";
    private static final String LEADER_ALONE = "high-watermark-from-leader-alone";
    private static final String MARKERS_ON_OWN_BROKER = "txn-markers-only-on-own-broker";

    private static DoorBug doorBug(String name) {
        if (name == null || name.equals(LEADER_ALONE) || name.equals(MARKERS_ON_OWN_BROKER)) {
            return DoorBug.NONE;
        }
        if (name.equals(WRONG_LEADER)) {
            return DoorBug.METADATA_NAMES_WRONG_LEADER;
        }
        throw new IllegalArgumentException("log's planted bugs are " + WRONG_LEADER + ", " + LEADER_ALONE + " and "
                + MARKERS_ON_OWN_BROKER + ", not '" + name + "'");
    }

    private static TxLogConfig.Bug nodeBug(String name) {
        if (LEADER_ALONE.equals(name)) {
            return TxLogConfig.Bug.HIGH_WATERMARK_FROM_LEADER_ALONE;
        }
        return MARKERS_ON_OWN_BROKER.equals(name)
                ? TxLogConfig.Bug.TXN_MARKERS_ONLY_ON_OWN_BROKER
                : TxLogConfig.Bug.NONE;
    }
}
