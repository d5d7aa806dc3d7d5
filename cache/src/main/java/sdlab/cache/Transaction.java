package sdlab.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's MULTI state and WATCHed keys, Redis's {@code CLIENT_MULTI}, {@code
 * CLIENT_DIRTY_EXEC} and {@code CLIENT_DIRTY_CAS} flags with the queued commands. The keys are
 * also registered in the engine's {@link WatchedKeys}, which breaks the watch when one is
 * touched.
 */
final class Transaction {
    /** A command accepted while queueing, run by EXEC. */
    record Queued(CommandSpec spec, byte[][] argv) {}

    private final List<Queued> queued = new ArrayList<>();
    /** Watched keys, each with whether it was already expired when WATCHed (Redis's {@code wk->expired}). */
    private final Map<DbKey, Boolean> watched = new HashMap<>();

    private boolean open;
    private boolean queueFailed;
    private boolean watchBroken;
    private boolean queuedDenyoom;

    /** True between MULTI and EXEC or DISCARD. */
    boolean open() {
        return open;
    }

    void begin() {
        assert !open : "MULTI inside MULTI";
        open = true;
    }

    void queue(CommandSpec spec, byte[][] argv) {
        queued.add(new Queued(spec, argv));
        queuedDenyoom |= spec.has(CommandFlag.DENYOOM);
    }

    /** A command was refused while queueing: EXEC will answer EXECABORT. */
    void markQueueFailed() {
        if (open) {
            queueFailed = true;
        }
    }

    boolean queueFailed() {
        return queueFailed;
    }

    /** Commands queued so far (CLIENT LIST's {@code multi} field). */
    int queuedCount() {
        return queued.size();
    }

    /** Whether a queued command may grow memory, which makes EXEC subject to the OOM check. */
    boolean queuedDenyoom() {
        return queuedDenyoom;
    }

    /** A watched key changed: EXEC will answer a null array. */
    void markWatchBroken() {
        watchBroken = true;
    }

    boolean watchBroken() {
        return watchBroken;
    }

    /** UNWATCH: a broken watch no longer matters once its keys are forgotten. */
    void clearWatchBroken() {
        watchBroken = false;
    }

    /** The queued commands, leaving the transaction closed and empty (watches are the registry's job). */
    List<Queued> takeQueued() {
        List<Queued> taken = List.copyOf(queued);
        discardQueue();
        return taken;
    }

    /** Ends MULTI without running anything and forgets every flag. */
    void discardQueue() {
        queued.clear();
        open = false;
        queueFailed = false;
        watchBroken = false;
        queuedDenyoom = false;
    }

    Map<DbKey, Boolean> watched() {
        return watched;
    }
}
