package sdlab.bench.repl;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the bench starts {@code sdlab cluster start repl --replicas 1}: the cluster code lives with the app's cluster
 * commands, so the app hands this in when it registers {@code sdlab bench repl}, as it does for {@code bench coord}.
 */
@FunctionalInterface
public interface SdlabReplLauncher {
    /**
     * Starts a primary and one replica with {@code modeOptions} ({@code cluster start repl}'s options without the
     * dashes, e.g. {@code mode=semi-sync, wait-point=after-sync}) in {@code directory}, and waits until the primary
     * acknowledges a write.
     *
     * @throws IllegalStateException when it cannot be started; nothing is left running
     */
    Running start(Path directory, Map<String, String> modeOptions) throws InterruptedException;

    /** A started cluster; closing it stops every process. */
    interface Running extends AutoCloseable {
        /** The primary's RESP port on the loopback address. */
        int primaryPort();

        /** The replica's RESP port. */
        int replicaPort();

        @Override
        void close();
    }
}
