package sdlab.app.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sdlab.shard.store.RouterSettings;

/**
 * What {@code cluster start shards} was asked for: shards in the first table, spare shard processes that run empty
 * until an operator adds them, how keys are partitioned, and a planted bug for tests.
 *
 * @param shards shards in the first table
 * @param spares shard processes started outside the table, to be added with {@code sdlab cluster shards add}
 * @param partitioner {@code hash} (modulo N), {@code consistent} (a ring with virtual nodes) or {@code range}
 * @param tokens tokens per shard on the ring ({@code consistent} only)
 * @param bug the routers' planted bug, or none (the RESP doors' routers have it too)
 * @param respPortBase node i (0-based) serves RESP on this port + i ({@code --resp-port}, or {@code --client-port})
 */
record ShardClusterOptions(
        int shards, int spares, String partitioner, int tokens, RouterSettings.Bug bug, int respPortBase) {
    static final Set<String> PARTITIONERS = Set.of("hash", "consistent", "range");
    /** Above the replicated store's 6380..: both clusters may run side by side. */
    static final int RESP_PORT_DEFAULT = 6400;

    private static final Set<String> KNOWN =
            Set.of("shards", "spares", "partitioner", "tokens", "planted-bug", "client-port");

    ShardClusterOptions {
        if (shards < 1 || shards > 32) {
            throw new IllegalArgumentException("--shards must be between 1 and 32, got " + shards);
        }
        if (spares < 0 || spares > 8) {
            throw new IllegalArgumentException("--spares must be between 0 and 8, got " + spares);
        }
        if (!PARTITIONERS.contains(partitioner)) {
            throw new IllegalArgumentException(
                    "--partitioner must be hash, consistent or range, got '" + partitioner + "'");
        }
        if (tokens < 1 || tokens > 4096) {
            throw new IllegalArgumentException("--tokens must be between 1 and 4096, got " + tokens);
        }
        if (respPortBase < 1 || respPortBase + nodeCountOf(shards, spares) > 65_535) {
            throw new IllegalArgumentException(
                    "--resp-port must leave room for one port per node below 65536, got " + respPortBase);
        }
    }

    /** The options by the names the layout keeps; a missing one takes its default, an unknown one is an error. */
    static ShardClusterOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(
                        "shards takes --shards, --spares, --partitioner, --tokens and --resp-port, not --" + name);
            }
        }
        return new ShardClusterOptions(
                number(options, "shards", 3),
                number(options, "spares", 1),
                options.getOrDefault("partitioner", "consistent").toLowerCase(Locale.ROOT),
                number(options, "tokens", 256),
                bug(options.get("planted-bug")),
                number(options, "client-port", RESP_PORT_DEFAULT));
    }

    /** The placement node, the shards and the spares. */
    int nodeCount() {
        return nodeCountOf(shards, spares);
    }

    private static int nodeCountOf(int shards, int spares) {
        return 1 + shards + spares;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + (name.equals("client-port") ? "resp-port" : name)
                    + " takes a whole number, got '" + text + "'");
        }
    }

    private static RouterSettings.Bug bug(String name) {
        if (name == null) {
            return RouterSettings.Bug.NONE;
        }
        if (name.equals("keep-stale-table")) {
            return RouterSettings.Bug.KEEP_STALE_TABLE;
        }
        throw new IllegalArgumentException("shards has one planted bug, keep-stale-table, not '" + name + "'");
    }
}
