package sdlab.bench.coord;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import sdlab.bench.peer.Scratch;

/**
 * How the bench starts sdlab's coordination service, keyed by node count ({@code --sdlab-nodes}).
 * The bench module knows the standalone node; a replicated cluster is started by code that lives
 * with the cluster commands, so the app hands its launcher in through {@link #with} when it
 * registers {@code sdlab bench coord}. A count nobody registered is a clear error, not a silent
 * fallback to another shape.
 */
public final class SdlabLaunchers {
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Starts an sdlab ensemble with its files in the run's scratch directory. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * The started ensemble, ready for writes.
         *
         * @throws IllegalStateException when it cannot be started; nothing is left running
         */
        Ensemble start(Scratch scratch) throws InterruptedException;
    }

    private final Map<Integer, Launcher> byNodes;

    private SdlabLaunchers(Map<Integer, Launcher> byNodes) {
        this.byNodes = Map.copyOf(byNodes);
    }

    /** What the bench module can start on its own: the standalone node ({@code --sdlab-nodes 1}). */
    public static SdlabLaunchers standalone() {
        return new SdlabLaunchers(Map.of(1, SdlabStandalone::start));
    }

    /** These launchers and {@code launcher} for {@code nodes} nodes (replacing any before it). */
    public SdlabLaunchers with(int nodes, Launcher launcher) {
        Map<Integer, Launcher> more = new TreeMap<>(byNodes);
        more.put(nodes, launcher);
        return new SdlabLaunchers(more);
    }

    /**
     * The launcher for {@code nodes} nodes.
     *
     * @throws IllegalArgumentException saying which counts can be started, and how to bench a running cluster
     */
    public Launcher forNodes(int nodes) {
        Launcher launcher = byNodes.get(nodes);
        if (launcher == null) {
            throw new IllegalArgumentException("no " + nodes + "-node coord cluster is offered; --sdlab-nodes can be "
                    + new TreeMap<>(byNodes).keySet() + ", or bench a running ensemble with"
                    + " --sdlab-connect host:port,...");
        }
        return launcher;
    }
}
