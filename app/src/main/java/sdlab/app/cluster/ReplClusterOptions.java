package sdlab.app.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.repl.server.DoorSettings;

/**
 * The options of {@code sdlab cluster start repl}, checked and turned into the store's {@link ReplConfig}: how many
 * replicas, the mode (async, semi-sync with its wait point, acknowledgements and timeout, or a synchronous level),
 * whether a failover manager watches the primary, and where the RESP ports start.
 *
 * @param replicas replicas beside the primary
 * @param config the store's configuration, the same in every node process
 * @param failover whether a lease service and a failover manager run beside the store
 * @param fenced whether replicas check the lease's fencing token on every shipment (failover lease-fenced)
 * @param respPortBase node i of the store serves RESP on this port + i
 * @param doorBug a planted bug of the RESP door, for the test that shows the crash test can fail (the node's own
 *     planted bug, if any, is in {@code config})
 * @param health how the failover manager checks the primary (chapter 12's three checks)
 */
record ReplClusterOptions(
        int replicas,
        ReplConfig config,
        boolean failover,
        boolean fenced,
        int respPortBase,
        DoorSettings.Bug doorBug,
        Health health) {
    /** The failover manager's health check, named as chapter 12 names them. */
    enum Health {
        /** Ask the lease service whether the primary's lease runs. */
        LEASE,
        /** Connect to the primary's RESP port: the kernel answers, so a stopped process passes. */
        PORT,
        /** Write a heartbeat key through the primary: it passes only if the primary commits it. */
        QUERY
    }

    static final int RESP_PORT_DEFAULT = 6380;
    static final int REPLICAS_DEFAULT = 2;
    private static final Set<String> KNOWN = Set.of(
            "replicas",
            "mode",
            "wait-point",
            "sync-level",
            "acks",
            "semi-sync-timeout-ms",
            "failover",
            "client-port",
            "planted-bug",
            "health");

    static ReplClusterOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("the replicated store takes the options "
                        + String.join(", ", sorted()) + ", not '" + key + "'");
            }
        }
        int replicas = intOption(options, "replicas", REPLICAS_DEFAULT, 1, 8);
        List<NodeId> store = storeNodes(replicas);
        ReplConfig config = ReplConfig.defaults(store.getFirst(), store.subList(1, store.size()))
                // A real node's applier costs what it really costs; the simulator's per-entry apply time is a model.
                .withApplyNanosPerEntry(0);
        config = mode(config, options);
        String failover = options.getOrDefault("failover", "lease").toLowerCase(Locale.ROOT);
        if (!List.of("lease", "lease-fenced", "none").contains(failover)) {
            throw new IllegalArgumentException("--failover is lease, lease-fenced or none, not '" + failover + "'");
        }
        boolean fenced = failover.equals("lease-fenced");
        if (fenced && config.mode() != ReplConfig.Mode.SYNC) {
            // A token stops a deposed primary only where every acknowledgement passes a replica that checks it;
            // async never asks one, and semi-sync stops asking after its timeout.
            throw new IllegalArgumentException("--failover lease-fenced needs --mode sync: a fencing token that no"
                    + " replica checks before a commit is acknowledged stops nothing");
        }
        int port = intOption(options, "client-port", RESP_PORT_DEFAULT, 1, 65_000);
        String planted = options.getOrDefault("planted-bug", "none").toLowerCase(Locale.ROOT);
        DoorSettings.Bug bug = DoorSettings.Bug.NONE;
        switch (planted) {
            case "none" -> {}
            case "ack-before-commit" -> bug = DoorSettings.Bug.ACK_BEFORE_COMMIT;
            // The node's own planted bug: a replica added later serves reads from its empty state while it loads.
            case "serves-before-snapshot" -> config = config.withBug(ReplConfig.Bug.SERVES_BEFORE_SNAPSHOT);
            // A replica added later keeps its snapshot in memory only: restarted, it copies the whole log again.
            case "snapshot-base-in-memory" -> config = config.withBug(ReplConfig.Bug.SNAPSHOT_BASE_IN_MEMORY);
            // A primary keeps its added replicas in memory only: restarted, it ignores them and ships them nothing.
            case "primary-forgets-added-replicas" ->
                config = config.withBug(ReplConfig.Bug.PRIMARY_FORGETS_ADDED_REPLICAS);
            // A joiner waits for the primary it was sent to, even after a failover replaced it.
            case "joiner-waits-for-first-primary" ->
                config = config.withBug(ReplConfig.Bug.JOINER_WAITS_FOR_FIRST_PRIMARY);
            default ->
                throw new IllegalArgumentException("--planted-bug is none, ack-before-commit, serves-before-snapshot,"
                        + " snapshot-base-in-memory, primary-forgets-added-replicas or joiner-waits-for-first-primary,"
                        + " not '" + planted + "'");
        }
        return new ReplClusterOptions(
                replicas, config, !failover.equals("none"), fenced, port, bug, health(options, failover));
    }

    /** The store's nodes: the primary n1, then the replicas. */
    static List<NodeId> storeNodes(int replicas) {
        return IntStream.rangeClosed(1, replicas + 1)
                .mapToObj(i -> NodeId.of("n" + i))
                .toList();
    }

    /** Every node process: the store's, then the lease service and the failover manager if there is failover. */
    int nodeCount() {
        return replicas + 1 + (failover ? 2 : 0);
    }

    private static ReplConfig mode(ReplConfig config, Map<String, String> options) {
        String mode = options.getOrDefault("mode", "async").toLowerCase(Locale.ROOT);
        int acks = intOption(options, "acks", 1, 1, config.replicas().size());
        ReplConfig chosen =
                switch (mode) {
                    case "async" -> config.async();
                    case "semi-sync", "semisync" -> config.semiSync(waitPoint(options));
                    case "sync" -> config.sync(syncLevel(options));
                    default ->
                        throw new IllegalArgumentException("--mode is async, semi-sync or sync, not '" + mode + "'");
                };
        long timeoutMs = intOption(options, "semi-sync-timeout-ms", 10_000, 1, 3_600_000);
        return chosen.withAcksRequired(acks).withTimeoutNanosSemiSync(timeoutMs * 1_000_000L);
    }

    private static Health health(Map<String, String> options, String failover) {
        String health = options.getOrDefault("health", "lease").toLowerCase(Locale.ROOT);
        Health chosen =
                switch (health) {
                    case "lease" -> Health.LEASE;
                    case "port" -> Health.PORT;
                    case "query" -> Health.QUERY;
                    default ->
                        throw new IllegalArgumentException("--health is lease, port or query, not '" + health + "'");
                };
        if (chosen != Health.LEASE && failover.equals("none")) {
            throw new IllegalArgumentException("--health " + health + " checks the primary for the failover manager;"
                    + " with --failover none there is none");
        }
        return chosen;
    }

    private static WaitPoint waitPoint(Map<String, String> options) {
        return switch (options.getOrDefault("wait-point", "after-sync").toLowerCase(Locale.ROOT)) {
            case "after-sync" -> WaitPoint.AFTER_SYNC;
            case "after-commit" -> WaitPoint.AFTER_COMMIT;
            default -> throw new IllegalArgumentException("--wait-point is after-sync or after-commit");
        };
    }

    private static SyncLevel syncLevel(Map<String, String> options) {
        return switch (options.getOrDefault("sync-level", "on").toLowerCase(Locale.ROOT)) {
            case "remote-write" -> SyncLevel.REMOTE_WRITE;
            case "on" -> SyncLevel.ON;
            case "remote-apply" -> SyncLevel.REMOTE_APPLY;
            default -> throw new IllegalArgumentException("--sync-level is remote-write, on or remote-apply");
        };
    }

    private static int intOption(Map<String, String> options, String key, int fallback, int min, int max) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        "--" + key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + text + "'");
        }
    }

    private static List<String> sorted() {
        return KNOWN.stream().sorted().toList();
    }
}
