package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Replicated writes that arrived before their dependencies: held here, in version order, until the
 * dependency check passes. Bounded: when full, a new arrival is dropped unacknowledged and its
 * origin sends it again later.
 */
final class PendingReplications {
    /** Writes held at most; an origin's resends bring the dropped ones back. */
    static final int HELD_MAX = 4_096;

    private final TreeMap<Version, CausalWrite> held = new TreeMap<>();

    /** Holds {@code write}; false if it was dropped because the buffer is full. */
    boolean hold(CausalWrite write) {
        if (held.containsKey(write.version())) {
            return true;
        }
        if (held.size() >= HELD_MAX) {
            return false;
        }
        held.put(write.version(), write);
        return true;
    }

    /**
     * Removes and returns the held writes whose dependencies {@code store} has applied, or, with
     * {@code checkDependencies} false (the planted bug), every held write.
     */
    List<CausalWrite> takeReady(VisibleStore store, boolean checkDependencies) {
        List<CausalWrite> ready = new ArrayList<>();
        for (Iterator<CausalWrite> writes = held.values().iterator(); writes.hasNext(); ) {
            CausalWrite write = writes.next();
            if (!checkDependencies || store.covers(write.dependencies())) {
                ready.add(write);
                writes.remove();
            }
        }
        return ready;
    }

    int size() {
        return held.size();
    }
}
