package sdlab.app.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.kv.causal.CausalClient;
import sdlab.kv.causal.CausalCluster;
import sdlab.kv.causal.CausalConfig;
import sdlab.kv.causal.CausalMessages.CausalMessage;
import sdlab.runtime.cluster.ClusterMechanism;

/**
 * Chapter 1's causal store (module {@code kv}, {@code sdlab.kv.causal}) as a real cluster: one {@link
 * sdlab.kv.causal.CausalReplica} per process, made by the store's own factory, and its own {@link CausalClient}, which
 * carries the client's causal context from one of its operations to the next. Its messages cross the wire as they are.
 *
 * <p>At {@code --level causal} (the default) each client made talks to its own replica, as in COPS: the clients of one
 * run are given the replicas in turn (the first client n1, the second n2, ...), as the simulator's {@link
 * CausalCluster#client} does, so that what one client writes reaches another through replication. At {@code --level
 * session-token} (the name {@code cluster ledger --level} gives it) each operation goes to a replica picked by the
 * client's seeded random, and the context it carries is its version token: a replica serves the request once the
 * token's writes are applied there, so read-your-writes and monotonic reads come from the token, not from stickiness.
 * The replicas are the same at both levels; only the client differs. Options: {@code level}, {@code planted-bug}
 * (hidden, for tests).
 */
final class CausalClusterMechanism implements ClusterMechanism {
    static final String NAME = "causal";
    private static final Set<String> OPTIONS = Set.of("level", "planted-bug");
    /** The level at which each client stays on its own replica. */
    static final String LEVEL_CAUSAL = "causal";
    /** The level at which each operation goes to any replica, carrying the client's version token. */
    static final String LEVEL_SESSION_TOKEN = "session-token";
    /**
     * Longer than the simulator's 1 s: a real replica's answer waits for an fsync on a shared disk, and a client that
     * gives up on a write records it as unknown, which tells the checker less.
     */
    private static final int CLIENT_TIMEOUT_MS = 2_000;
    /** A request waits at most this long for its context; shorter than the client's timeout, so it hears "refused". */
    private static final int PARK_MS_MAX = 1_000;
    /** How often an origin resends the writes a replica has not acknowledged: often, since TCP rarely loses one. */
    private static final int RESEND_MS = 100;

    private final CausalConfig.ClientMode clientMode;
    private final CausalConfig.Bug bug;
    /** The home replica of the next client made: clients take the replicas in turn. */
    private final AtomicInteger nextHome = new AtomicInteger();

    private CausalClusterMechanism(CausalConfig.ClientMode clientMode, CausalConfig.Bug bug) {
        this.clientMode = clientMode;
        this.bug = bug;
    }

    /**
     * The mechanism the options describe.
     *
     * @throws IllegalArgumentException naming the bad option and what would be accepted
     */
    static CausalClusterMechanism fromOptions(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException(
                        "the causal store has no option '" + name + "'; it takes " + new TreeSet<>(OPTIONS));
            }
        }
        return new CausalClusterMechanism(
                clientMode(options.getOrDefault("level", LEVEL_CAUSAL)),
                bug(options.getOrDefault("planted-bug", "none")));
    }

    private static CausalConfig.ClientMode clientMode(String level) {
        return switch (level.strip().toLowerCase(Locale.ROOT)) {
            case LEVEL_CAUSAL -> CausalConfig.ClientMode.LOCAL_REPLICA;
            case LEVEL_SESSION_TOKEN -> CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN;
            default ->
                throw new IllegalArgumentException("the causal store's --level is " + LEVEL_CAUSAL + " (each client on"
                        + " its own replica) or " + LEVEL_SESSION_TOKEN + " (any replica, with a version token), not '"
                        + level + "'");
        };
    }

    private static CausalConfig.Bug bug(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> CausalConfig.Bug.NONE;
            case "shows-write-before-dependency" -> CausalConfig.Bug.SHOWS_WRITE_BEFORE_DEPENDENCY;
            case "token-ignored" -> CausalConfig.Bug.TOKEN_IGNORED;
            default ->
                throw new IllegalArgumentException("the causal store's planted bug is shows-write-before-dependency or"
                        + " token-ignored, not '" + name + "'");
        };
    }

    /** The store's configuration for a cluster of {@code nodes}, the same in every process and client. */
    CausalConfig config(List<NodeId> nodes) {
        return new CausalConfig(nodes, clientMode, CLIENT_TIMEOUT_MS, RESEND_MS, PARK_MS_MAX, bug);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        String clients =
                switch (clientMode) {
                    case LOCAL_REPLICA -> "each client on its own replica";
                    case ANY_REPLICA_WITH_TOKEN ->
                        "session-token: each operation on any replica, which serves it once the client's token is"
                                + " applied there";
                };
        return "causal store (COPS-style): " + clients + "; a replicated write is shown once its dependencies are"
                + " applied" + (bug == CausalConfig.Bug.NONE ? "" : "; planted bug " + bug);
    }

    @Override
    public Class<? extends Message> family() {
        return CausalMessage.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return CausalCluster.nodeFactory(config(nodes));
    }

    /** A client whose own replica is the next in turn (at the session-token level it uses every replica alike). */
    @Override
    public Client client(List<NodeId> nodes) {
        return CausalCluster.client(config(nodes), nextHome.getAndIncrement());
    }

    /** A client whose own replica is the next in turn among those running, so that a one-off command is answered. */
    @Override
    public Client client(List<NodeId> nodes, List<NodeId> running) {
        if (running.isEmpty()) {
            return client(nodes);
        }
        NodeId home = running.get(Math.floorMod(nextHome.getAndIncrement(), running.size()));
        // At the session-token level a one-off client picks among the running replicas only, so that it is answered.
        List<NodeId> replicas = clientMode == CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN ? running : nodes;
        return new CausalClient(config(replicas), home);
    }

    @Override
    public ClientCommand parse(List<String> words) {
        if (words.isEmpty()) {
            return new ClientCommand.Invalid("no command; " + clientHelp());
        }
        return switch (words.getFirst().toLowerCase(Locale.ROOT)) {
            case "put", "set", "write" ->
                words.size() == 3
                        ? new ClientCommand.Invoke(CausalClient.WRITE, words.get(1), value(words.get(2)))
                        : new ClientCommand.Invalid("usage: put KEY VALUE");
            case "get", "read" ->
                words.size() == 2
                        ? new ClientCommand.Invoke(CausalClient.READ, words.get(1), null)
                        : new ClientCommand.Invalid("usage: get KEY");
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "commands: put KEY VALUE (a whole number is stored as a number), get KEY; one client carries its causal"
                + " context from one command to the next";
    }

    /** A whole number is stored as a Long, as the test's workload writes; anything else as text. */
    private static Object value(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
