package sdlab.chapters.quorum;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.kv.quorum.QuorumClient;
import sdlab.kv.quorum.QuorumCluster;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.lab.ParamValues;
import sdlab.runtime.cluster.ClusterMechanism;

/**
 * Chapter 10's quorum store as a real cluster: the chapter's variants, configured from the
 * chapter's default parameters, and the store's own node factory and client. Options: {@code
 * variant} (a variant name of the chapter, {@code n3r2w2} by default), and {@code n}, {@code r},
 * {@code w} to change the triple of that variant.
 */
public final class QuorumClusterMechanism implements ClusterMechanism {
    public static final String NAME = "quorum";
    public static final String DEFAULT_VARIANT = "n3r2w2";
    /** The options a quorum cluster takes. */
    public static final Set<String> OPTIONS = Set.of("variant", "n", "r", "w");

    private final String variantName;
    private final QuorumConfig config;

    private QuorumClusterMechanism(String variantName, QuorumConfig config) {
        this.variantName = variantName;
        this.config = config;
    }

    /**
     * The mechanism the options describe.
     *
     * @throws IllegalArgumentException naming the bad option and what would be accepted
     */
    public static QuorumClusterMechanism fromOptions(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException(
                        "the quorum store has no option '" + name + "'; it takes " + new TreeSet<>(OPTIONS));
            }
        }
        String name = options.getOrDefault("variant", DEFAULT_VARIANT);
        QuorumVariant variant = variants().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "chapter 10 has no variant '" + name + "'; its variants are " + variantNames()));
        QuorumConfig base = variant.config();
        int n = intOption(options, "n", base.n());
        int r = intOption(options, "r", base.r());
        int w = intOption(options, "w", base.w());
        QuorumConfig config = new QuorumConfig(
                n,
                r,
                w,
                base.sloppy(),
                base.readRepair(),
                base.requestTimeoutMs(),
                base.clientTimeoutMs(),
                base.virtualNodesPerNode(),
                base.coordinatorChoice(),
                base.handoffIntervalMs(),
                base.suspicionMs(),
                base.bug());
        return new QuorumClusterMechanism(name, config);
    }

    /** The names of chapter 10's variants, which {@code variant} accepts. */
    public static List<String> variantNames() {
        return variants().stream().map(QuorumVariant::name).toList();
    }

    public QuorumConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "quorum store %s: N=%d R=%d W=%d%s, read repair %s"
                .formatted(
                        variantName,
                        config.n(),
                        config.r(),
                        config.w(),
                        config.sloppy() ? ", sloppy with hinted handoff" : "",
                        config.readRepair().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Class<? extends Message> family() {
        return QuorumMessage.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return QuorumCluster.nodeFactory(config, nodes);
    }

    @Override
    public Client client(List<NodeId> nodes) {
        return QuorumCluster.client(config, nodes);
    }

    @Override
    public ClientCommand parse(List<String> words) {
        if (words.isEmpty()) {
            return new ClientCommand.Invalid("no command; " + clientHelp());
        }
        String verb = words.getFirst().toLowerCase(java.util.Locale.ROOT);
        return switch (verb) {
            case "put", "set", "write" ->
                words.size() == 3
                        ? new ClientCommand.Invoke(QuorumClient.WRITE, words.get(1), value(words.get(2)))
                        : new ClientCommand.Invalid("usage: put KEY VALUE");
            case "get", "read" ->
                words.size() == 2
                        ? new ClientCommand.Invoke(QuorumClient.READ, words.get(1), null)
                        : new ClientCommand.Invalid("usage: get KEY");
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "commands: put KEY VALUE (a whole number is stored as a number), get KEY";
    }

    /** A whole number is stored as a Long, as the chapter's workload writes; anything else as text. */
    private static Object value(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<QuorumVariant> variants() {
        return QuorumVariant.all(ParamValues.defaults(QuorumParams.ALL));
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }
}
